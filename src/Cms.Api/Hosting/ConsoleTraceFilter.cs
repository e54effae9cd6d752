using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace Cms.Api.Hosting;

/// <summary>
/// The console exporter's processor, for spans of incoming requests only: those of a server span (ASP.NET Core's) and of
/// everything beneath it in this process. The background loops (scheduled publishing every 5 s, response-cache
/// invalidation polls, media sweeps) and start-up work have no request above them and would print a block of twenty
/// lines every few seconds, burying the requests one is watching. Other exporters (OTLP, Azure Monitor) still get them.
/// </summary>
internal sealed class ConsoleTraceFilter(ConsoleExporterOptions options) : SimpleActivityExportProcessor(new ConsoleActivityExporter(options))
{
    public override void OnEnd(Activity data)
    {
        if (IsPartOfARequest(data))
        {
            base.OnEnd(data);
        }
    }

    /// <summary>True for a server span and for spans whose parents, in this process, lead up to one.</summary>
    public static bool IsPartOfARequest(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        for (var current = activity; current is not null; current = current.Parent)
        {
            if (current.Kind == ActivityKind.Server)
            {
                return true;
            }
        }

        return false;
    }
}
