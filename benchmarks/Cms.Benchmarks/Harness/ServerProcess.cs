using System.Diagnostics;

namespace Cms.Benchmarks.Harness;

/// <summary>A server in its own process: its URL, how long it took to answer first, its CPU time and memory.</summary>
internal abstract class ServerProcess : IAsyncDisposable
{
    private int _disposed;

    protected Process Process { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public TimeSpan Elapsed { get; private set; }

    public double CpuSeconds()
    {
        Process.Refresh();
        return Process.TotalProcessorTime.TotalSeconds;
    }

    public int ProcessId => Process.Id;

    public double RssMiB()
    {
        Process.Refresh();
        return Process.WorkingSet64 / (1024.0 * 1024.0);
    }

    public async ValueTask DisposeAsync()
    {
        // A benchmark may stop a server before the end of its scope.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    /// <summary>Starts the process and waits until <paramref name="probe"/> answers; the time counts from the start.</summary>
    protected async Task StartAsync(ProcessStartInfo start, Uri url, Func<HttpClient, Task<bool>> probe)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        Process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        Process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        Process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
        Url = url;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {Process.ExitCode}.");
            }

            try
            {
                if (await probe(client))
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                // Not left running: a server still starting would take a core from every later measure.
                Process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{url} did not answer within 2 minutes.");
            }

            await Task.Delay(10);
        }

        Elapsed = clock.Elapsed;
    }

    protected virtual void OnOutput(string? line)
    {
    }
}
