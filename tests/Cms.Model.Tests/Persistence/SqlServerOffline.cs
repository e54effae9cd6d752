using System.Data.Common;
using System.Text.RegularExpressions;
using Cms.Model.Persistence;
using Cms.Model.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Cms.Model.Tests.Persistence;

/// <summary>
/// SQL Server cannot run here, so its SQL is checked without a server: EF Core generates it from a SQL
/// Server-configured context (which never connects for this) and ScriptDom, SQL Server's own T-SQL parser, parses it.
/// </summary>
internal static class SqlServerOffline
{
    public static SqlServerCmsDbContext CreateContext(params IInterceptor[] interceptors) => new(new DbContextOptionsBuilder<SqlServerCmsDbContext>()
        .UseCmsProvider(DatabaseProvider.SqlServer, "Server=offline.invalid;Database=Cms;Integrated Security=true;TrustServerCertificate=true")
        .AddInterceptors(interceptors)
        .Options);

    /// <summary>
    /// The commands a write (an ExecuteUpdate, say, which has no ToQueryString) sends, caught before they leave: the
    /// connection is never opened and each command is answered as if it changed one row.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CommandsOfAsync(Func<SqlServerCmsDbContext, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var caught = new CaughtCommands();
        await using var db = CreateContext(caught);
        await write(db);
        return caught.Texts;
    }

    /// <summary>
    /// The SQL a query sends, without the note EF Core appends to split queries. Parameters of raw SQL (full-text search) are
    /// declared by ToQueryString without their @, as the command sends them; the declaration is given it back to parse.
    /// </summary>
    public static string QuerySql<T>(IQueryable<T> query)
    {
        var sql = Regex.Replace(query.ToQueryString(), "^DECLARE (?=[A-Za-z_])", "DECLARE @", RegexOptions.Multiline);
        var note = sql.IndexOf("This LINQ query is being executed in split-query mode", StringComparison.Ordinal);
        return note < 0 ? sql : sql[..note];
    }

    /// <summary>Parses T-SQL with the newest parser ScriptDom offers and returns every error.</summary>
    public static IReadOnlyList<string> ParseErrors(string sql)
    {
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return [.. errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")];
    }

    private sealed class CaughtCommands : DbCommandInterceptor, IDbConnectionInterceptor
    {
        private readonly List<string> _texts = [];

        public IReadOnlyList<string> Texts => _texts;

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(1));
        }
    }
}
