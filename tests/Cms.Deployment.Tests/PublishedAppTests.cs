using System.Diagnostics;
using System.Net;
using Cms.Testing;

namespace Cms.Deployment.Tests;

/// <summary>
/// The published app (the `dotnet publish` output the pipeline zips) started as App Service starts it, with Production
/// settings: it refuses SQLite by name, and with the safety checks relaxed by their explicit setting it answers /health/ready.
/// </summary>
public sealed class PublishedAppTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cms-published-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        // The solution is built before its tests run, so publishing copies that build into the deployable layout.
        var (code, output) = await Repository.RunAsync("dotnet", Repository.Root, "publish", "src/Cms.Api/Cms.Api.csproj", "--configuration", "Debug", "--no-build", "--output", Path.Combine(_folder, "app"), "-nologo");
        Assert.True(code == 0, output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task In_Production_it_refuses_SQLite_by_name_and_with_the_checks_relaxed_it_answers_ready()
    {
        using (var refused = Start(allowUnsafe: false, out _))
        {
            Assert.True(refused.WaitForExit(60_000), "The app should have refused to start.");
            var output = await refused.StandardOutput.ReadToEndAsync() + await refused.StandardError.ReadToEndAsync();
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Database:Provider is Sqlite", output, StringComparison.Ordinal);
        }

        using var server = Start(allowUnsafe: true, out var url);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var until = DateTime.UtcNow.AddSeconds(90);
            string? answer = null;
            while (DateTime.UtcNow < until && !server.HasExited)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(url, "/health/ready"));
                    answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(200);
            }

            Assert.Equal("200 Healthy", answer);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, "/health/live"))).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private Process Start(bool allowUnsafe, out Uri url)
    {
        var port = LoopbackPorts.Free();
        url = new Uri($"http://127.0.0.1:{port}");
        var app = Path.Combine(_folder, "app");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "Cms.Api.dll")])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["Database__DataDirectory"] = Path.Combine(_folder, allowUnsafe ? "data" : "refused");
        start.Environment["Database__SeedDemoContent"] = "false";
        start.Environment["Deployment__AllowUnsafeConfiguration"] = allowUnsafe ? "true" : "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the published app.");
        if (allowUnsafe)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

}
