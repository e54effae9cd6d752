using Cms.Api.Hosting.DemoContent;
using Cms.Api.SchemaCore;
using Cms.Model.Persistence;
using Cms.Model.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Api.Hosting;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Brings the database to the model before the server listens: migrates when allowed (the embedded
    /// default), refuses to start on a database that needs migrations otherwise, and seeds demo content.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var location = DescribeLocation(db);
        LogDatabase(logger, options.Provider, location);

        if (options.ShouldMigrateOnStartup)
        {
            await MigrateAsync(db, logger, cancellationToken);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database needs {pending.Count} migration(s) ({string.Join(", ", pending)}). " +
                    "Run `dotnet run --project src/Cms.Api -- migrate` (or the migrations bundle) before starting the server.");
            }
        }

        if (options.ShouldSeedDemoContent)
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoContentSeeder>(scope.ServiceProvider);
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }

        await app.Services.GetRequiredService<CursorProtector>().LoadKeyAsync(scope.ServiceProvider, cancellationToken);

        // Articles published before the search index existed (or by an older version) are indexed once, here.
        var indexed = await SearchIndexing.CatchUpAsync(db, cancellationToken);
        if (indexed > 0)
        {
            LogSearchCaughtUp(logger, indexed);
        }
    }

    /// <summary>Applies every pending migration of the configured provider.</summary>
    public static async Task MigrateAsync(CmsDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite() && db.Database.GetDbConnection() is SqliteConnection connection)
        {
            // SQLite creates the file but not its folder.
            var folder = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers proceed while an editor saves; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, pending.Count);
    }

    private static string DescribeLocation(CmsDbContext db) => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => Path.GetFullPath(sqlite.DataSource),
        var other => $"{other.DataSource}/{other.Database}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: {Provider} at {Location}")]
    private static partial void LogDatabase(ILogger logger, DatabaseProvider provider, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Brought {Count} article(s) up to date in the search index")]
    private static partial void LogSearchCaughtUp(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} pending migration(s); the database is up to date")]
    private static partial void LogMigrated(ILogger logger, int count);
}
