using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// Runs the Node scripts in tests/js (the graphql-http audit, a real Apollo Client). Their packages are
/// pinned by tests/js/package-lock.json and installed with `npm ci` the first time a test needs them.
/// </summary>
public static class Node
{
    public static string ScriptsFolder { get; } = Path.Combine(RepositoryRoot(), "tests", "js");

    private static readonly Lazy<Task> Install = new(() => NpmCiAsync(ScriptsFolder));

    /// <summary>Runs a script and parses the JSON it prints.</summary>
    public static async Task<JsonNode> RunJsonAsync(string script, params string[] arguments)
    {
        await Install.Value;
        var (exitCode, output, error) = await RunAsync(ScriptsFolder, "node", [script, .. arguments], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}: {error}");
        return JsonNode.Parse(output) ?? throw new InvalidOperationException($"node {script} printed nothing.");
    }

    /// <summary>Installs the pinned packages (once per test run) before a test starts a Node program of its own.</summary>
    public static Task EnsureInstalledAsync() => Install.Value;

    /// <summary>Installs a Node project's pinned packages with <c>npm ci</c>, unless they are newer than its lock file.</summary>
    public static async Task NpmCiAsync(string folder)
    {
        var installed = Path.Combine(folder, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(folder, "package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        var (exitCode, _, error) = await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed ({exitCode}): {error}. Node.js and npm are prerequisites of the test suite (see README).");
        }
    }

    /// <summary>Runs a program to its end in a folder and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string folder, string fileName, string[] arguments, TimeSpan timeout)
    {
        var start = StartInfo(folder, fileName, arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>A program in a folder with its output redirected (to be read or drained), its arguments passed as they are.</summary>
    public static ProcessStartInfo StartInfo(string folder, string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: Cms.sln not found above " + AppContext.BaseDirectory);
    }
}
