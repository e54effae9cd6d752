using Azure.Monitor.OpenTelemetry.AspNetCore;
using Cms.Api.Transport;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cms.Api.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs for ASP.NET Core, EF Core, HttpClient (the Azure SDK included) and GraphQL operations
/// (name, type, error codes, cost), exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to an
/// OTLP collector when one is configured, and to the console when asked. With no exporter nothing is collected at all.
/// </summary>
public static class Telemetry
{
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static WebApplicationBuilder AddCmsTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorVariable]);
        var otlp = settings.OtlpEndpoint ?? (Uri.TryCreate(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var standard) ? standard : null);
        if (!azureMonitor && otlp is null && !settings.Console)
        {
            return builder;
        }

        var version = typeof(Telemetry).Assembly.GetName().Version?.ToString();
        var openTelemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName, serviceVersion: version))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GraphQLTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }

                if (settings.Console)
                {
                    tracing.AddProcessor(new ConsoleTraceFilter(new ConsoleExporterOptions()));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GraphQLTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }

                if (settings.Console && settings.ConsoleMetrics)
                {
                    metrics.AddConsoleExporter((_, reader) =>
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)Math.Clamp(settings.ConsoleMetricsInterval.TotalMilliseconds, 1_000, int.MaxValue));
                }
            })
            .WithLogging(logging =>
            {
                // On the console the usual logger already writes every line; logs are exported only to collectors.
                if (otlp is not null)
                {
                    logging.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (azureMonitor)
        {
            // The distro reads the connection string from the variable itself, and adds its own exporters to all three signals.
            openTelemetry.UseAzureMonitor();
        }

        return builder;
    }

    /// <summary>
    /// Builds the tracer and meter providers now rather than when the host starts, so that the start-up work before it
    /// (migrations, seeding, the search catch-up) is traced, and so that EF Core, which caches for a moment whether anyone
    /// listens to its diagnostics, sees the listener from its first command: the first requests' queries are traced too.
    /// </summary>
    public static WebApplication StartCmsTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetService<TracerProvider>();
        _ = app.Services.GetService<MeterProvider>();
        return app;
    }
}
