using System.Text;
using Microsoft.Data.Sqlite;

namespace Cms.Benchmarks.Harness;

/// <summary>
/// Published articles added straight into the server's SQLite file (the API would take hours for 100,000): copies of
/// the loaded article <c>event-00001</c> as <c>bulk-1</c>, <c>bulk-2</c>..., made of <c>INSERT ... SELECT</c> statements
/// that name every column the table has today and replace some with expressions, so the rows stay valid as the schema
/// grows. The statements run in one transaction; foreign keys are checked at commit.
/// </summary>
internal sealed class SqliteBulkCopy : IAsyncDisposable
{
    /// <summary>A new GUID for each row, as the server writes them.</summary>
    public const string NewGuid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    /// <summary>The id of the article the copies are made of.</summary>
    public const string TemplateArticleId = "(SELECT \"Id\" FROM \"Articles\" WHERE \"Slug\" = 'event-00001')";

    /// <summary>The copied articles <c>x</c>, each with the template's published version as <c>t</c>.</summary>
    public const string PublishedVersionOfEachCopy = $"FROM \"Articles\" AS x JOIN \"ArticleVersions\" AS t ON t.\"ArticleId\" = {TemplateArticleId} AND t.\"Number\" = x.\"PublishedVersionNumber\" WHERE x.\"Slug\" LIKE 'bulk-%'";

    private readonly SqliteConnection _connection;
    private readonly StringBuilder _statements = new();

    private SqliteBulkCopy(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteBulkCopy> OpenAsync(string databaseFile)
    {
        var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        return new SqliteBulkCopy(connection);
    }

    /// <summary>The template article <c>t</c> with the numbers 1 to <paramref name="count"/> as <c>n.i</c>, once per number.</summary>
    public static string CopiesOfTemplate(int count) =>
        $"FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n) AS n, (SELECT * FROM \"Articles\" WHERE \"Slug\" = 'event-00001') AS t";

    /// <summary>
    /// Adds an insert into <paramref name="table"/> of the rows <paramref name="from"/> names as <c>t</c> (a FROM clause
    /// and what follows), every column copied but those <paramref name="overrides"/> gives an expression for.
    /// </summary>
    public async Task AddAsync(string table, IReadOnlyDictionary<string, string> overrides, string from)
    {
        var columns = await ColumnsOfAsync(table);
        var values = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"t.\"{c}\""));
        _statements.AppendLine($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {values} {from};");
    }

    /// <summary>Runs the inserts added, in one transaction with foreign keys checked at commit.</summary>
    public async Task CommitAsync()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA defer_foreign_keys = ON;\n" + _statements;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>The column names of a table, so that copies name every column the schema has today.</summary>
    private async Task<List<string>> ColumnsOfAsync(string table)
    {
        await using var pragma = _connection.CreateCommand();
        pragma.CommandText = $"PRAGMA table_info(\"{table}\")";
        var names = new List<string>();
        await using var reader = await pragma.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(1));
        }

        return names;
    }
}
