using System.Globalization;

namespace Cms.Benchmarks.Harness;

/// <summary>
/// What a server holds per idle socket: its resident memory and its live managed objects, each read after a full
/// collection before and after the sockets are opened, divided by their number.
/// <c>CMS_BENCHMARK_HOLD_SECONDS=n</c> then holds the idle sockets for n seconds, so that a heap dump of the server can be
/// taken (<c>dotnet-dump collect -p pid --type Heap</c>, then <c>dumpheap -stat -live</c>).
/// </summary>
internal readonly record struct SocketMemory(double RssKiB, double ManagedKiB)
{
    public static async Task<SocketMemory> MeasureAsync(ServerProcess server, int sockets, Func<Task> open)
    {
        await Task.Delay(2_000);
        var liveBefore = await ServerHeap.CollectAsync(server.ProcessId);
        var rssBefore = server.RssMiB();
        await open();
        await Task.Delay(2_000);
        var liveAfter = await ServerHeap.CollectAsync(server.ProcessId);
        var rssAfter = server.RssMiB();
        if (int.TryParse(Environment.GetEnvironmentVariable("CMS_BENCHMARK_HOLD_SECONDS"), out var hold) && hold > 0)
        {
            Console.WriteLine($"holding {sockets} idle sockets on process {server.ProcessId} for {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        return new SocketMemory((rssAfter - rssBefore) * 1024 / sockets, (liveAfter - liveBefore) / 1024.0 / sockets);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RssKiB:0.0} KiB resident, {ManagedKiB:0.0} KiB managed");
}
