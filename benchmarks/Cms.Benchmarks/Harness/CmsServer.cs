using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Cms.Testing;

namespace Cms.Benchmarks.Harness;

/// <summary>The CMS as it is deployed (published, Production), in its own process on loopback, on a data folder of SQLite.</summary>
internal sealed class CmsServer : ServerProcess
{
    public string? AdminKey { get; private set; }

    /// <summary>Publishes the CMS as the pipeline does (Release, framework-dependent for this platform, ReadyToRun); returns its dll.</summary>
    public static async Task<string> PublishAsync(string root, string output)
    {
        var project = Path.Combine(root, "src", "Cms.Api", "Cms.Api.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "--configuration", "Release", "--runtime", PortableRuntimeIdentifier(), "--self-contained", "false", "--output", output, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var log = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:{Environment.NewLine}{log}");
        }

        Console.WriteLine($"published the server (ReadyToRun) in {clock.Elapsed.TotalSeconds:0} s");
        return Path.Combine(output, "Cms.Api.dll");
    }

    public static async Task<CmsServer> StartAsync(string cmsDll, string dataDirectory, bool cacheEnabled, bool captureAdminKey = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", [cmsDll]) { WorkingDirectory = Path.GetDirectoryName(cmsDll)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataDirectory"] = dataDirectory;
        start.Environment["Database__SeedDemoContent"] = "false";
        start.Environment["RateLimits__AnonymousQueriesPerMinute"] = "0";
        start.Environment["RateLimits__MutationsPerMinute"] = "0";
        start.Environment["GraphQL__ResponseCache__Enabled"] = cacheEnabled ? "true" : "false";
        start.Environment["Scheduling__Enabled"] = "false";

        // Production on SQLite and a local folder: a benchmark, not a deployment. Production makes no admin key unasked.
        start.Environment["Deployment__AllowUnsafeConfiguration"] = "true";
        if (captureAdminKey)
        {
            start.Environment["Auth__BootstrapAdminKey"] = "true";
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var server = new CmsServer();
        var url = new Uri($"http://127.0.0.1:{port}/graphql");
        await server.StartAsync(start, url, async client =>
        {
            using var content = new StringContent("{\"query\":\"{ articles(first: 1) { edges { cursor } } }\"}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content);
            return response.IsSuccessStatusCode && (!captureAdminKey || server.AdminKey is not null);
        });
        return server;
    }

    /// <summary>The exact bytes the server answers to a GraphQL request body, for the ceiling server to return.</summary>
    public async Task<byte[]> AnswerAsync(string body)
    {
        using var client = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(Url, content);
        return await response.Content.ReadAsByteArrayAsync();
    }

    protected override void OnOutput(string? line)
    {
        if (line?.Trim() is { } text && text.StartsWith("cmsk_", StringComparison.Ordinal))
        {
            AdminKey = text;
        }
    }

    /// <summary>The portable identifier of this platform (linux-x64, osx-arm64...), which the runtime packs are published for.</summary>
    private static string PortableRuntimeIdentifier()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
    }
}
