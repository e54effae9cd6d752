using System.Collections.Concurrent;
using System.Diagnostics;
using Cms.Api.Hosting;
using Cms.Api.HttpSecurity;
using Cms.Api.Media;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Persistence;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Api.Tests.Hosting;

/// <summary>
/// The app as README starts it (the built Cms.Api.dll in a process of its own, run from src/Cms.Api in Development) on a
/// new data folder: what a new user reads on the console; its command line; and Production on one machine with SQLite.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cms-first-run-{Guid.NewGuid():N}");

    private string DataFolder => Path.Combine(_folder, "data");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_first_run_prints_a_screenful_without_warnings_ending_with_the_admin_key_and_stays_quiet()
    {
        var port = LoopbackPorts.Free();
        var url = $"http://127.0.0.1:{port}";
        IReadOnlyCollection<(string Stream, string Line)> lines;

        // The data folder as a host argument (--Section:Key=value works after the command line is parsed); the rest as
        // `dotnet run` would set it. A home of its own: ASP.NET Core keeps per-user state (Data Protection keys) there.
        var start = StartInfo("--Database:DataDirectory=" + DataFolder);
        start.Environment["ASPNETCORE_URLS"] = url;
        await using (var process = CmsProcess.Start(start))
        {
            // Start-up takes a few seconds (longer on two busy cores); then ten seconds of an idle server, no request sent.
            await process.WaitUntilListeningAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            Assert.False(process.HasExited, "The app stopped:\n" + process.Output);
            lines = process.Lines;
        }

        var output = Text(lines);
        Assert.DoesNotContain(lines, l => l.Stream == "err");
        Assert.DoesNotContain(lines, l => l.Line.StartsWith("warn:", StringComparison.Ordinal) || l.Line.StartsWith("fail:", StringComparison.Ordinal) || l.Line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.DoesNotContain("Warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.Contains($"Now listening on: {url}", output, StringComparison.Ordinal);
        Assert.Single(lines, l => l.Line.Trim().StartsWith("cmsk_", StringComparison.Ordinal));
        Assert.Contains("An admin API key was created", output, StringComparison.Ordinal);
        Assert.True(lines.Count <= 50, $"{lines.Count} lines, more than a screenful:\n{output}");
        Assert.True(File.Exists(Path.Combine(DataFolder, "cms.db")), "The database was not made in the data folder.");
        Assert.False(Directory.Exists(Path.Combine(_folder, "home", ".aspnet")), "A Data Protection key ring was made.");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_commands_and_the_common_settings_and_starts_nothing(string argument)
    {
        var (exitCode, output, error) = await RunAsync(argument, "--Database:DataDirectory=" + DataFolder);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Usage: dotnet run --project src/Cms.Api", output, StringComparison.Ordinal);
        foreach (var command in CommandLine.Commands.Keys)
        {
            Assert.Contains($"  {command} ", output, StringComparison.Ordinal);
        }

        Assert.Contains("Database:Provider", output, StringComparison.Ordinal);
        Assert.Contains("Deployment:InstanceCount", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataFolder), "Help made the data folder: something started.");
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage_to_stderr_and_fails()
    {
        var (exitCode, output, error) = await RunAsync("frobnicate", "--Database:DataDirectory=" + DataFolder);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("Unknown command 'frobnicate'.", error, StringComparison.Ordinal);
        Assert.Contains("Usage: dotnet run --project src/Cms.Api", error, StringComparison.Ordinal);
        Assert.Contains("  migrate ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataFolder), "An unknown command made the data folder: something started.");
    }

    [Fact]
    public void Production_allows_SQLite_and_the_folder_store_on_one_declared_instance_only()
    {
        var sqlite = new DatabaseOptions { Provider = DatabaseProvider.Sqlite };
        var folder = new MediaStoreOptions { Kind = MediaStoreKind.Folder, Folder = "/srv/cms/media" };

        Assert.Empty(DeploymentSafety.Problems(new DeploymentOptions { InstanceCount = 1 }, sqlite, folder, new AuthOptions()));
        Assert.Collection(
            DeploymentSafety.Problems(new DeploymentOptions { InstanceCount = 2 }, sqlite, folder, new AuthOptions()),
            p => Assert.Contains("Database:Provider is Sqlite, a file only one instance can use, and Deployment:InstanceCount is 2", p, StringComparison.Ordinal),
            p => Assert.Contains("Media:Store:Kind is Folder", p, StringComparison.Ordinal));

        // Unset, as before the setting existed: SQLite is refused (naming the way out), the folder store is not.
        var unset = Assert.Single(DeploymentSafety.Problems(new DeploymentOptions(), sqlite, folder, new AuthOptions()));
        Assert.Contains("Database:Provider is Sqlite", unset, StringComparison.Ordinal);
        Assert.Contains("Deployment:InstanceCount=1", unset, StringComparison.Ordinal);
        Assert.Contains("Deployment:InstanceCount is 0", Assert.Single(DeploymentSafety.Problems(new DeploymentOptions { InstanceCount = 0 }, new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, folder, new AuthOptions())), StringComparison.Ordinal);

        // The other refusals stand on one instance too.
        Assert.Contains(
            DeploymentSafety.Problems(new DeploymentOptions { InstanceCount = 1 }, sqlite, folder, new AuthOptions { BootstrapAdminKey = true }),
            p => p.Contains("Auth:BootstrapAdminKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_Production_on_one_instance_the_app_starts_on_SQLite_and_logs_the_files_to_back_up()
    {
        var logs = new CapturingLoggerProvider();
        using var api = new CmsApiFactory().WithEnvironment("Production")
            .WithSetting("Deployment:AllowUnsafeConfiguration", "false")
            .WithSetting("Deployment:InstanceCount", "1")
            .WithSetting("Auth:BootstrapAdminKey", null)
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));

        var (status, body) = await api.PostGraphQLAsync("{ articles(first: 1) { totalCount } }");

        Assert.Equal(200, status);
        Assert.NotNull(body["data"]!["articles"]);
        var backup = Assert.Single(logs.Entries, e => e.Category == typeof(DeploymentSafety).FullName && e.Level == LogLevel.Information);
        Assert.Contains($"{api.DatabasePath} (database)", backup.Message, StringComparison.Ordinal);
        Assert.Contains($"{api.DatabasePath}-wal", backup.Message, StringComparison.Ordinal);
        Assert.Contains($"{api.MediaFolder}{Path.DirectorySeparatorChar} (media folder)", backup.Message, StringComparison.Ordinal);

        // No admin key is made unasked in Production, where the apikeys command makes them.
        await using var scope = api.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<Cms.Model.Security.ApiKeyService>().AnyAsync());
    }

    [Fact]
    public void In_Production_with_two_instances_the_app_still_refuses_SQLite_and_the_folder_store()
    {
        using var refused = new CmsApiFactory().WithEnvironment("Production")
            .WithSetting("Deployment:AllowUnsafeConfiguration", "false")
            .WithSetting("Deployment:InstanceCount", "2");

        var error = Assert.Throws<InvalidOperationException>(() => refused.CreateClient());

        Assert.Contains("Database:Provider is Sqlite, a file only one instance can use", error.Message, StringComparison.Ordinal);
        Assert.Contains("Media:Store:Kind is Folder", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Cms.Api.dll with a home of its own and no database or telemetry settings from the environment.</summary>
    private ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = CmsProcess.StartInfo(arguments);
        start.Environment["HOME"] = Path.Combine(_folder, "home");
        Directory.CreateDirectory(start.Environment["HOME"]!);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Telemetry__", StringComparison.Ordinal) || k.StartsWith("Database__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("Could not start Cms.Api.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Cms.Api {string.Join(' ', arguments)} did not exit within a minute: it started the server?");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string Text(IEnumerable<(string Stream, string Line)> lines) => string.Join('\n', lines.Select(l => l.Line));
}
