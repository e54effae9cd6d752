namespace Cms.Api.Hosting;

/// <summary>Where telemetry goes (section <c>Telemetry</c>); Azure Monitor is chosen by its own variable.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The service name on every trace, metric and log.</summary>
    public string ServiceName { get; set; } = "cms-api";

    /// <summary>
    /// Write traces to the console (logs are there already). Default: off, in every environment. Traces on the console are
    /// those of requests only (<see cref="ConsoleTraceFilter"/>): background polls and start-up work never print.
    /// </summary>
    public bool Console { get; set; }

    /// <summary>
    /// Also write every metric to the console, every <see cref="ConsoleMetricsInterval"/> (some 300 lines each time).
    /// Default: off. Needs <see cref="Console"/>.
    /// </summary>
    public bool ConsoleMetrics { get; set; }

    /// <summary>How often metrics are written to the console when <see cref="ConsoleMetrics"/> is on. Default 60 seconds.</summary>
    public TimeSpan ConsoleMetricsInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An OTLP collector (gRPC, such as http://localhost:4317); the standard OTEL_EXPORTER_OTLP_ENDPOINT works too.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
