using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Cms.Model.Persistence.Sqlite;

/// <summary>
/// Lets a writer that finds another writer's transaction open wait inside SQLite (its busy handler, which tries again
/// after 1, 2, 5, 10 … ms) instead of in Microsoft.Data.Sqlite's own retry loop, which sleeps 150 ms between tries. SQLite
/// has one writer at a time, so two overlapping writes (a publish and the webhook dispatcher's bookkeeping, two editors
/// saving) are common; measured, a second writer waited 151 ms for a lock held 1 ms, and 3-5 ms with this handler.
/// The wait ends at the connection's default timeout, as the library's loop did.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static SqliteBusyWait Instance { get; } = new();

    private SqliteBusyWait()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Sets the handler on an open connection (a native call; pooled connections keep it, setting it again is free).</summary>
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            var milliseconds = sqlite.DefaultTimeout == 0 ? int.MaxValue : (int)Math.Min(sqlite.DefaultTimeout * 1000L, int.MaxValue);
            raw.sqlite3_busy_timeout(handle, milliseconds);
        }
    }
}
