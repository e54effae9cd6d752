using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// Cms.Api as a process of its own (the Cms.Api.dll built beside these tests, same configuration, run from src/Cms.Api as
/// <c>dotnet run</c> runs it), for what an in-process host cannot show: a first run's console, a kill -9.
/// </summary>
public sealed class CmsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(string Stream, string Line)> _lines = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CmsProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _lines.Enqueue(("out", line));
                if (line.Contains("Now listening on", StringComparison.Ordinal))
                {
                    _listening.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _lines.Enqueue(("err", line));
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What the process wrote, in order, each line with its stream ("out" or "err").</summary>
    public IReadOnlyCollection<(string Stream, string Line)> Lines => _lines;

    public string Output => string.Join('\n', _lines.Select(l => l.Line));

    public bool HasExited => _process.HasExited;

    /// <summary>The start information for Cms.Api.dll with these arguments, in Development, from src/Cms.Api.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var project = Path.Combine(Node.RepositoryRoot(), "src", "Cms.Api");
        var dll = Path.Combine(project, "bin", bin.Parent!.Name, bin.Name, "Cms.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built.");
        var start = Node.StartInfo(project, "dotnet", [dll, .. arguments]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return start;
    }

    public static CmsProcess Start(ProcessStartInfo start) =>
        new(Process.Start(start) ?? throw new InvalidOperationException("Could not start Cms.Api."));

    /// <summary>Waits until the server listens; fails with its output when it exits or takes 90 seconds.</summary>
    public async Task WaitUntilListeningAsync()
    {
        var started = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(started == _listening.Task, "The app did not start listening:\n" + Output);
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing the process could do about it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
