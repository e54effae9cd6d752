using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Model.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with plain <c>INSERT … VALUES</c> statements, in the shape each provider runs
/// fastest, for bookkeeping written while holding SQLite's single write lock (where SaveChanges kept publishes waiting):
/// <list type="bullet">
/// <item>SQL Server: many rows per statement, up to 2,000 parameters (its limit is 2,100), so a batch is a few round trips.</item>
/// <item>SQLite: one row per statement. SQLite finds each named parameter by a linear scan of the statement's parameters, so
/// binding a statement costs the square of its parameter count: measured for 549 deliveries in one transaction, 15-20 ms
/// one row per statement, 28-33 ms at 100-200 parameters, 51-57 ms at 800, 96-145 ms through SaveChanges (which also reads
/// every generated key back).</item>
/// </list>
/// Every column goes through its EF Core type mapping, so value converters apply exactly as they do for SaveChanges;
/// store-generated columns (the identity key) are left to the database and not read back. Identifiers are quoted by the
/// provider's own helper, and the statements go through EF Core's pipeline (its interceptors and logging).
/// </summary>
internal static class BulkInsert
{
    // SQL Server takes at most 2,100 parameters in one command and 1,000 rows in one VALUES list.
    private const int SqlServerMaxParameters = 2_000;
    private const int MaxRows = 1_000;

    /// <summary>Inserts the rows (none tracked by the context) and returns how many were written.</summary>
    public static async Task<int> InsertAsync<TEntity>(DbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        var written = 0;
        foreach (var (sql, parameters) in Commands(db, rows))
        {
            written += await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        return written;
    }

    /// <summary>The statements <see cref="InsertAsync"/> sends, with their parameters: one per row on SQLite, one per chunk of rows on SQL Server.</summary>
    public static IEnumerable<(string Sql, DbParameter[] Parameters)> Commands<TEntity>(DbContext db, IReadOnlyList<TEntity> rows)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => (Property: p, Getter: p.GetGetter(), Mapping: p.GetRelationalTypeMapping()))
            .ToList();
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sqlHelper.DelimitIdentifier(tableName, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => sqlHelper.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(MaxRows, SqlServerMaxParameters / Math.Max(1, columns.Count)));
        using var parameterFactory = db.Database.GetDbConnection().CreateCommand();

        for (var start = 0; start < rows.Count; start += rowsPerCommand)
        {
            var count = Math.Min(rowsPerCommand, rows.Count - start);
            var sql = new StringBuilder(head);
            var parameters = new DbParameter[count * columns.Count];
            for (var row = 0; row < count; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var index = (row * columns.Count) + column;
                    var name = sqlHelper.GenerateParameterName($"p{index}");
                    var (property, getter, mapping) = columns[column];
                    parameters[index] = mapping.CreateParameter(parameterFactory, name, getter.GetClrValueUsingContainingEntity(rows[start + row]), property.IsNullable);
                    sql.Append(column == 0 ? string.Empty : ", ").Append(name);
                }

                sql.Append(')');
            }

            yield return (sql.ToString(), parameters);
        }
    }
}
