using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence;

public static class ConnectionExtensions
{
    /// <summary>
    /// Keeps the context's connection open until the context is disposed. A read of several statements (an article and
    /// each of its selected lists) then takes one connection from the pool instead of one per statement; profiled under
    /// load, taking and returning SQLite's pooled connections per statement was a lock that every request queued on.
    /// EF Core opens the connection itself, so its own connection set-up runs as usual.
    /// </summary>
    public static Task KeepConnectionOpenAsync(this CmsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.OpenConnectionAsync(cancellationToken);
    }
}
