using Cms.Model.Persistence;
using Cms.Model.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Persistence;

public sealed class SqliteBusyWaitTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cms-busy-tests-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("", 30_000)]
    [InlineData(";Default Timeout=5", 5_000)]
    [InlineData(";Default Timeout=0", int.MaxValue)]
    public void A_connection_waits_for_the_write_lock_as_long_as_its_default_timeout(string setting, int expected)
    {
        using var connection = new SqliteConnection($"Data Source={_path}{setting}");

        Assert.Equal(expected, SqliteBusyWait.WaitLimitMilliseconds(connection));
    }

    [Fact]
    public async Task A_context_connection_waits_in_the_millisecond_handler_not_in_sqlites_growing_sleeps()
    {
        await using var db = CreateContext($"Data Source={_path}");
        await db.Database.OpenConnectionAsync();

        // Setting a busy handler clears SQLite's own timeout handler, which the fallback would have set to 30,000.
        var busyTimeout = await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal(0, busyTimeout);
    }

    [Fact]
    public async Task A_writer_blocked_by_another_transaction_writes_once_it_commits_and_gives_up_at_the_timeout()
    {
        var connectionString = $"Data Source={_path};Default Timeout=1";
        await using (var setUp = CreateContext(connectionString))
        {
            await setUp.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; CREATE TABLE marks (value INTEGER NOT NULL);");
        }

        await using var first = CreateContext(connectionString);
        await using var second = CreateContext(connectionString);
        await using (var holding = await first.Database.BeginTransactionAsync())
        {
            await first.Database.ExecuteSqlRawAsync("INSERT INTO marks VALUES (1)");
            var trying = System.Diagnostics.Stopwatch.StartNew();
            var blocked = Assert.ThrowsAsync<SqliteException>(() => second.Database.ExecuteSqlRawAsync("INSERT INTO marks VALUES (2)"));
            Assert.Equal(5, (await blocked).SqliteErrorCode); // SQLITE_BUSY, after the connection's timeout
            Assert.True(trying.Elapsed >= TimeSpan.FromSeconds(1), $"gave up after {trying.Elapsed}");
            var waiting = Task.Run(() => second.Database.ExecuteSqlRawAsync("INSERT INTO marks VALUES (3)"));
            await Task.Delay(50);
            await holding.CommitAsync();
            await waiting;
        }

        Assert.Equal([1L, 3L], await first.Database.SqlQueryRaw<long>("SELECT value AS Value FROM marks ORDER BY value").ToListAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static SqliteCmsDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseCmsProvider(DatabaseProvider.Sqlite, connectionString).Options);
}
