using System.Diagnostics;
using System.Text;

namespace Cms.Benchmarks.Harness;

/// <summary>Latency with one client, as a front end's single request sees it.</summary>
internal static class Latency
{
    /// <summary>One client posting the same request: 50 warm-up requests, then the p50 and p95 of 300.</summary>
    public static async Task<(double P50, double P95)> PercentilesAsync(Uri url, string body)
    {
        using var client = new HttpClient();
        var times = new List<double>();
        for (var i = 0; i < 350; i++)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(url, content);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {text}");
            }

            if (i >= 50)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
    }
}
