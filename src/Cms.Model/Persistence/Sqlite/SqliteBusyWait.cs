using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Cms.Model.Persistence.Sqlite;

/// <summary>
/// Lets a writer that finds another writer's transaction open wait inside SQLite, trying again every millisecond, instead
/// of in Microsoft.Data.Sqlite's own retry loop, which sleeps 150 ms between tries. SQLite has one writer at a time, so two
/// overlapping writes (a publish and the webhook dispatcher's bookkeeping, two editors saving) are common. Measured, a
/// second writer waited 151 ms for a lock held 1 ms with the library's loop, and 3-5 ms with SQLite's own timeout handler,
/// whose sleeps grow (1, 2, 5, 10, 15, 20, 25 … ms), so that a lock held 4 ms cost its waiter 8 and one held 9 ms cost 18;
/// this handler's waiter goes on at most about a millisecond after the lock is released. The wait ends at the
/// connection's default timeout, as the library's loop did.
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

    // One delegate for every connection, so that it is never collected while SQLite holds a pointer to it.
    private static readonly BusyCallback WaitAMillisecond = OnBusy;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(nint limit, int tries);

    /// <summary>How long a connection waits for the write lock: its default timeout (0 there means no limit).</summary>
    internal static int WaitLimitMilliseconds(SqliteConnection connection) =>
        connection.DefaultTimeout == 0 ? int.MaxValue : (int)Math.Min(connection.DefaultTimeout * 1000L, int.MaxValue);

    /// <summary>Sets the handler on an open connection (a native call; pooled connections keep it, setting it again is free).</summary>
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            // SQLitePCLRaw 2.1 has no binding for sqlite3_busy_handler, so the bundle's own native library is called directly;
            // where that cannot be done, SQLite's timeout handler (growing sleeps) waits instead.
            var limit = WaitLimitMilliseconds(sqlite);
            int result;
            try
            {
                result = NativeMethods.sqlite3_busy_handler(handle.DangerousGetHandle(), WaitAMillisecond, limit);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                result = -1;
            }

            if (result != raw.SQLITE_OK)
            {
                raw.sqlite3_busy_timeout(handle, limit);
            }
        }
    }

    /// <summary>
    /// SQLite's question after the <paramref name="tries"/>-th failed try: try again (non-zero) or give up with SQLITE_BUSY.
    /// Each wait is at least a millisecond, so giving up after the limit's count of tries waits at least the limit.
    /// </summary>
    private static int OnBusy(nint limit, int tries)
    {
        if (tries >= limit)
        {
            return 0;
        }

        Thread.Sleep(1);
        return 1;
    }

    private static class NativeMethods
    {
        // The library SQLitePCLRaw's bundle loads for Microsoft.Data.Sqlite.
        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_busy_handler(nint db, BusyCallback callback, nint limit);
    }
}
