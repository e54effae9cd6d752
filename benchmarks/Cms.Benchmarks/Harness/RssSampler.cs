using System.Diagnostics;

namespace Cms.Benchmarks.Harness;

/// <summary>Samples a process's resident memory every 20 ms until stopped; returns the peak.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<double> _sampling;

    public RssSampler(int pid) => _sampling = Task.Run(async () =>
    {
        var peak = 0.0;
        while (!_stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, RssMiB(pid));
            await Task.Delay(20);
        }

        return Math.Max(peak, RssMiB(pid));
    });

    public double Stop()
    {
        _stop.Cancel();
        return _sampling.GetAwaiter().GetResult();
    }

    public void Dispose() => _stop.Dispose();

    /// <summary>Resident memory of a process, from /proc (what the kernel has given it, native allocations included).</summary>
    private static double RssMiB(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }
}
