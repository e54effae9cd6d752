using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cms.Benchmarks.Harness;

/// <summary>The wrk load generator, run with a Lua request script over loopback (<c>apt-get install wrk</c>).</summary>
internal static partial class Wrk
{
    /// <summary>Runs wrk -t2 -c16 with the load's script; returns the number of requests completed.</summary>
    public static async Task<long> RequestsAsync(Uri url, RequestLoad load, int seconds)
    {
        // 304s count as non-2xx in wrk's summary; they are the expected answer there.
        var expectsNotModified = load.IfNoneMatch is not null || url.AbsolutePath == "/not-modified";
        var output = await RunAsync(["-t2", "-c16", $"-d{seconds}s"], load.Lua, url.ToString(), expectsNotModified);
        return long.Parse(Expect(RequestsTotal(), output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs wrk -t1 -c4 with latency statistics; returns the median latency in milliseconds and the requests per second.</summary>
    public static async Task<(double Median, double Rps)> MedianAndRateAsync(string url, RequestLoad load, int seconds)
    {
        var output = await RunAsync(["-t1", "-c4", $"-d{seconds}s", "--latency"], load.Lua, url, expectsNon2xx: false);
        var median = Expect(LatencyLine(), output);
        var rps = Expect(RequestsLine(), output);
        var value = double.Parse(median.Groups[1].Value, CultureInfo.InvariantCulture);
        var ms = median.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        return (ms, double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Runs wrk with <paramref name="options"/> and the script in a temporary file; returns its output.</summary>
    private static async Task<string> RunAsync(string[] options, string lua, string url, bool expectsNon2xx)
    {
        var script = Path.Combine(Path.GetTempPath(), $"cms-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, lua);
        try
        {
            var start = new ProcessStartInfo("wrk", [.. options, "-s", script, url]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (output.Contains("Non-2xx", StringComparison.Ordinal) && !expectsNon2xx)
            {
                throw Unexpected(output);
            }

            return output;
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static Match Expect(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } match ? match : throw Unexpected(output);

    private static InvalidOperationException Unexpected(string output) => new("Unexpected wrk output:\n" + output);

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsTotal();

    [GeneratedRegex(@"50%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsLine();
}
