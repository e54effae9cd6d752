using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Cms.Benchmarks.Harness;

/// <summary>
/// A full, blocking garbage collection in another .NET process, asked for through its diagnostics port (as
/// <c>dotnet-gcdump</c> does), and the bytes of managed objects alive after it (what that collection kept, every
/// generation). Memory read after it counts what the process holds, not the garbage it has not collected yet, which moved
/// the per-subscription figure by several KiB between runs.
/// </summary>
internal static class ServerHeap
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>Collects and returns the bytes of live managed objects found by the induced collection.</summary>
    public static async Task<long> CollectAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession([new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var liveBytes = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var induced = false;
        source.Clr.GCStart += gc => induced |= gc.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedLowMemory;
        source.Clr.GCHeapStats += stats =>
        {
            if (induced)
            {
                liveBytes.TrySetResult(stats.TotalPromoted);
            }
        };
        var processing = Task.Run(source.Process);
        try
        {
            return await liveBytes.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing;
        }
    }
}
