using Cms.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Cms.Api.Tests.Security;

/// <summary>Keys made on the command line work against a running server, and revoking them there takes effect.</summary>
[Collection(ConsoleTests.Name)]
public sealed class ApiKeyCommandTests
{
    [Fact]
    public async Task A_key_created_on_the_command_line_works_against_a_running_server_until_it_is_revoked()
    {
        var database = Path.Combine(Path.GetTempPath(), $"cms-cli-{Guid.NewGuid():N}.db");
        try
        {
            var (created, createOutput) = Run(database, "apikeys", "create", "--name", "ci-script", "--role", "publisher", "--expires", "2099-01-01");
            var lines = createOutput.Split('\n').Select(l => l.Trim()).ToList();
            var key = lines[lines.IndexOf("This is the only time it is shown:") + 1];
            var (listed, listOutput) = Run(database, "apikeys", "list");

            string me;
            using (var api = CmsApiFactory.OnDatabase(database))
            {
                api.DeleteDatabaseOnDispose = false;
                using var client = api.CreateClient();
                me = (await GraphQLHttp.PostAsync(client, new { query = "{ me { role } }" }, headers: new Dictionary<string, string> { ["X-Api-Key"] = key })).Body!["data"]!.ToJsonString();
            }

            var (revoked, _) = Run(database, "apikeys", "revoke", Model.Security.ApiKey.PublicIdOf(key)!);
            int statusAfterRevoke;
            using (var api = CmsApiFactory.OnDatabase(database))
            {
                api.DeleteDatabaseOnDispose = false;
                using var client = api.CreateClient();
                statusAfterRevoke = (await GraphQLHttp.PostAsync(client, new { query = "{ me { role } }" }, headers: new Dictionary<string, string> { ["X-Api-Key"] = key })).Status;
            }

            Assert.Equal((0, 0, 0), (created, listed, revoked));
            Assert.Contains("ci-script", listOutput, StringComparison.Ordinal);
            Assert.Contains("publisher", listOutput, StringComparison.Ordinal);
            Assert.Equal("""{"me":{"role":"PUBLISHER"}}""", me);
            Assert.Equal(401, statusAfterRevoke);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task The_first_run_of_the_embedded_default_prints_one_admin_key_that_works()
    {
        var database = Path.Combine(Path.GetTempPath(), $"cms-bootstrap-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            using (var first = CmsApiFactory.OnDatabase(database).WithSetting("Auth:BootstrapAdminKey", null))
            {
                first.DeleteDatabaseOnDispose = false;
                first.CreateClient().Dispose();
            }

            using var second = CmsApiFactory.OnDatabase(database).WithSetting("Auth:BootstrapAdminKey", null);
            using var client = second.CreateClient();
            var keys = output.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("cmsk_", StringComparison.Ordinal)).ToList();
            var me = await GraphQLHttp.PostAsync(client, new { query = "{ me { role } }" }, headers: new Dictionary<string, string> { ["X-Api-Key"] = keys.Single() });

            Assert.Equal("{\"me\":{\"role\":\"ADMIN\"}}", me.Body!["data"]!.ToJsonString());
        }
        finally
        {
            Console.SetOut(previous);
        }
    }

    [Theory]
    [InlineData("apikeys", "create", "--name", "x", "--role", "root")]
    [InlineData("apikeys", "create", "--role", "admin")]
    [InlineData("apikeys", "create", "--name", "x", "--role", "admin", "--expires", "yesterday")]
    [InlineData("apikeys", "revoke", "000000000000")]
    [InlineData("apikeys", "frobnicate")]
    public void Bad_command_lines_fail_with_a_message_and_exit_code_2(params string[] args)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cms-cli-{Guid.NewGuid():N}.db");
        try
        {
            var (exitCode, _) = Run(database, args);

            Assert.Equal(2, exitCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    private static (int ExitCode, string Output) Run(string database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [args.Append($"--Database:ConnectionString=Data Source={database}").Append("--Logging:LogLevel:Default=Warning").ToArray()])!;
            return (exitCode, output + error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "Console";
}
