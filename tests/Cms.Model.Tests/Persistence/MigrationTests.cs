using Cms.Model.Persistence;
using Cms.Model.Persistence.Sqlite;
using Cms.Model.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>()
            .UseCmsProvider(DatabaseProvider.Sqlite, "Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --project src/Cms.Model --context SqliteCmsDbContext --output-dir Persistence/Sqlite/Migrations");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = SqlServerOffline.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --project src/Cms.Model --context SqlServerCmsDbContext --output-dir Persistence/SqlServer/Migrations");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>()
            .UseCmsProvider(DatabaseProvider.Sqlite, "Data Source=:memory:").Options);
        using var sqlServer = SqlServerOffline.CreateContext();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task A_new_sqlite_database_migrates_to_the_latest_version()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await using var db = database.CreateContext();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
