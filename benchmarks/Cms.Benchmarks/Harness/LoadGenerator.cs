using System.Globalization;
using System.Net;
using System.Text;

namespace Cms.Benchmarks.Harness;

/// <summary>
/// Throughput against a server in its own process: wrk after a warm-up, or for the smoke run an in-process loop; the
/// server's CPU time per request is read from its process.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<BenchmarkRow> MeasureAsync(ServerProcess server, BenchmarkSettings settings, string scenario, string path, RequestLoad load, bool isCeiling = false)
    {
        var target = new Uri(server.Url, path);
        if (settings.UseWrk)
        {
            await Wrk.RequestsAsync(target, load, settings.WarmUpSeconds);
        }

        var cpuBefore = server.CpuSeconds();
        var requests = settings.UseWrk ? await Wrk.RequestsAsync(target, load, settings.Seconds) : await LoopAsync(target, load, settings.Seconds);
        var cpu = server.CpuSeconds() - cpuBefore;
        var row = new BenchmarkRow(scenario, requests / settings.Seconds, requests == 0 ? null : cpu * 1000 / requests, IsCeiling: isCeiling);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {row.Rps:0} req/s, {row.CpuMsPerRequest:0.000} ms CPU per request"));
        return row;
    }

    /// <summary>The smoke run's load: the load's request sent in a loop from 4 tasks.</summary>
    private static async Task<long> LoopAsync(Uri url, RequestLoad load, int seconds)
    {
        var (body, etag) = (load.Body, load.IfNoneMatch);
        using var client = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                Interlocked.Increment(ref count);
            }
        }));
        return count;
    }
}
