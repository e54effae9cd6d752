using Cms.Model.Persistence.Sqlite;
using Cms.Model.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseProviderExtensions
{
    /// <summary>The context type whose migrations belong to the provider.</summary>
    public static Type ContextType(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => typeof(SqliteCmsDbContext),
        DatabaseProvider.SqlServer => typeof(SqlServerCmsDbContext),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Configures EF Core for the provider; the same call serves the API, the tests and the tools.</summary>
    public static DbContextOptionsBuilder<TContext> UseCmsProvider<TContext>(this DbContextOptionsBuilder<TContext> builder, DatabaseProvider provider, string connectionString)
        where TContext : CmsDbContext
    {
        ((DbContextOptionsBuilder)builder).UseCmsProvider(provider, connectionString);
        return builder;
    }

    /// <inheritdoc cref="UseCmsProvider{TContext}(DbContextOptionsBuilder{TContext}, DatabaseProvider, string)"/>
    public static DbContextOptionsBuilder UseCmsProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }
}
