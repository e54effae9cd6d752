using Cms.Model.Persistence.Sqlite;
using Cms.Model.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Model.Persistence;

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

        // Migrating checks by default that the model has no change without a migration, which builds the full
        // design-time model a second time (about 0.7 s of every start). CI checks exactly that for both providers
        // (`dotnet ef migrations has-pending-model-changes`), so the running server does not repeat it.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString).AddInterceptors(SqliteBusyWait.Instance),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }
}
