using Cms.Api.Hosting;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Api.Tests.Hosting;

public class EmbeddedDefaultTests
{
    [Fact]
    public async Task The_first_run_migrates_and_seeds_an_empty_database_and_later_runs_do_not_seed_again()
    {
        var path = CmsApiFactory.NewDatabasePath();
        using (var first = CmsApiFactory.OnDatabase(path))
        {
            first.DeleteDatabaseOnDispose = false;
            var (_, body) = await first.PostGraphQLAsync("{ articles { totalCount } }");
            Assert.Equal(8, body["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        }

        using var second = CmsApiFactory.OnDatabase(path);
        var (_, again) = await second.PostGraphQLAsync("{ articles { totalCount } }");
        Assert.Equal(8, again["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(9, await CountRowsAsync(path, "Articles"));
    }

    [Fact]
    public async Task Seeding_can_be_turned_off()
    {
        using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false");

        var (_, body) = await api.PostGraphQLAsync("{ articles { totalCount } }");

        Assert.Equal(0, body["data"]!["articles"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public void Sql_server_without_a_connection_string_is_refused_at_start_up()
    {
        using var api = new CmsApiFactory()
            .WithSetting("Database:Provider", "SqlServer")
            .WithSetting("Database:ConnectionString", null);

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains("Database:ConnectionString is required when Database:Provider is SqlServer.", error.Failures);
    }

    [Fact]
    public void The_embedded_database_lives_in_the_data_folder_by_default()
    {
        var options = new DatabaseOptions();

        Assert.Equal($"Data Source={Path.Combine("/srv/cms", "data", "cms.db")}", options.ResolveConnectionString("/srv/cms"));
        Assert.True(options.ShouldMigrateOnStartup);
        Assert.True(options.ShouldSeedDemoContent);
        var production = new DatabaseOptions { Provider = Model.Persistence.DatabaseProvider.SqlServer, ConnectionString = "Server=db" };
        Assert.False(production.ShouldMigrateOnStartup);
        Assert.False(production.ShouldSeedDemoContent);
    }

    [Fact]
    public async Task The_migrate_command_brings_a_database_up_to_date_without_starting_the_server()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cms-migrate-{Guid.NewGuid():N}", "cms.db");
        try
        {
            var entryPoint = typeof(Program).Assembly.EntryPoint!;
            var exitCode = (int)entryPoint.Invoke(null, [new[] { "migrate", $"--Database:ConnectionString=Data Source={path}" }])!;

            Assert.Equal(0, exitCode);
            await using var db = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite($"Data Source={path}").Options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Articles.CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [InlineData(new string[0], null, 0)]
    [InlineData(new[] { "migrate" }, "migrate", 0)]
    [InlineData(new[] { "migrate", "--Database:Provider=SqlServer" }, "migrate", 1)]
    [InlineData(new[] { "--urls=http://localhost:1234" }, null, 1)]
    [InlineData(new[] { "Database:Provider=Sqlite" }, null, 1)]
    [InlineData(new[] { "--Database:DataDirectory=/tmp/x", "apikeys", "create", "--name", "ci" }, "apikeys", 1)]
    [InlineData(new[] { "--urls", "http://localhost:1234", "migrate" }, "migrate", 2)]
    [InlineData(new[] { "--urls", "migrate" }, null, 2)]
    public void The_first_bare_word_after_any_settings_is_the_command_and_the_rest_is_configuration(string[] args, string? command, int hostArguments)
    {
        var parsed = CommandLine.Parse(args);

        Assert.Equal(command, parsed.Name);
        Assert.Equal(hostArguments, parsed.HostArguments.Length);
    }

    private static async Task<long> CountRowsAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
