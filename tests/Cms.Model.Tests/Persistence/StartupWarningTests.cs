using Cms.Model.Persistence;
using Cms.Model.Persistence.Sqlite;
using Cms.Model.Search;
using Cms.Model.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Model.Tests.Persistence;

/// <summary>
/// What the first start of the embedded default runs (migrating a new SQLite file, catching up the search index) warns
/// of nothing: each warning EF Core could give there is made an exception.
/// </summary>
public sealed class StartupWarningTests : IDisposable
{
    private const string BeforeMediaAssets = "20261126011615_PreviewTokens";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cms-startup-warnings-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_MediaAssets_migration_adds_its_foreign_key_in_its_transaction_keeping_versions_media()
    {
        await using (var db = Strict(_path))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeMediaAssets);
        }

        // A version naming media from before assets existed: the migration makes a placeholder asset for it.
        var assetId = Guid.NewGuid().ToString().ToUpperInvariant();
        await using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await connection.OpenAsync();
            var articleId = await InsertRowAsync(connection, "Articles", null);
            var versionId = await InsertRowAsync(connection, "ArticleVersions", articleId);
            await ExecuteAsync(connection, $"INSERT INTO VersionMedia (VersionId, Position, AssetId, CaptionOverride, Role) VALUES ('{versionId}', 0, '{assetId}', NULL, 'Hero')");
        }

        await using (var db = Strict(_path))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        // The table is the one the model describes (as a database made from the model has it), and its data holds.
        var created = Path.Combine(Path.GetTempPath(), $"cms-startup-warnings-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Strict(created))
            {
                await db.Database.EnsureCreatedAsync();
            }

            Assert.Equal(await ShapeAsync(created, "VersionMedia"), await ShapeAsync(_path, "VersionMedia"));
            await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT COUNT(*) FROM VersionMedia WHERE AssetId = '{assetId}'"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT COUNT(*) FROM MediaAssets WHERE Id = '{assetId}' AND Kind = 'Unknown'"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'ef_temp%'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(created);
        }
    }

    [Fact]
    public async Task Catching_up_the_search_index_takes_its_batches_in_a_defined_order()
    {
        await using var db = Strict(_path);
        await db.Database.MigrateAsync();

        Assert.Equal(0, await SearchIndexing.CatchUpAsync(db));
        Assert.Contains("ORDER BY", SearchIndexing.UnindexedVersions(db).Take(200).ToQueryString(), StringComparison.Ordinal);
    }

    /// <summary>A context on which the warnings of a first start are errors.</summary>
    private static SqliteCmsDbContext Strict(string path) => new(new DbContextOptionsBuilder<SqliteCmsDbContext>()
        .UseCmsProvider(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False")
        .ConfigureWarnings(w => w.Throw(RelationalEventId.NonTransactionalMigrationOperationWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning))
        .Options);

    /// <summary>A table's columns (in name order: a rebuilt table has them in the order EF Core's rebuild wrote them), foreign keys and indexes.</summary>
    private static async Task<List<string>> ShapeAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var shape = new List<string>();
        foreach (var query in new[]
        {
            $"SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || pk FROM pragma_table_info('{table}') ORDER BY name",
            $"SELECT \"table\" || ' ' || \"from\" || ' ' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"table\"",
            $"SELECT name || ' ' || \"unique\" FROM pragma_index_list('{table}') ORDER BY name",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                shape.Add(reader.GetString(0));
            }
        }

        return shape;
    }

    /// <summary>Inserts a row with a value for every NOT NULL column (the parent's id for the one ending in Id) and returns its Id.</summary>
    private static async Task<string> InsertRowAsync(SqliteConnection connection, string table, string? parentId)
    {
        var id = Guid.NewGuid().ToString().ToUpperInvariant();
        var columns = new List<(string Name, string Value)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (name, type) = (reader.GetString(0), reader.GetString(1));
                var value = name == "Id" ? $"'{id}'"
                    : name.EndsWith("Id", StringComparison.Ordinal) && parentId is not null ? $"'{parentId}'"
                    : type == "TEXT" ? $"'{name.ToUpperInvariant()}-{id}'"
                    : "1";
                columns.Add((name, value));
            }
        }

        await ExecuteAsync(connection, $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select(c => c.Value))})");
        return id;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
