using Cms.Api.Settings;
using Cms.Model.Persistence;
using Cms.Model.Persistence.Sqlite;
using Cms.Model.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cms.Api.Hosting;

public static class PersistenceExtensions
{
    public static WebApplicationBuilder AddCmsPersistence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<DatabaseOptions>(DatabaseOptions.SectionName);

        // The provider decides which context type (and so which migrations) is registered, so it is read now.
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerCmsDbContext>(services, DatabaseProvider.SqlServer, connectionString);
                break;
            default:
                AddContext<SqliteCmsDbContext>(services, DatabaseProvider.Sqlite, connectionString);
                break;
        }

        services.TryAddSingleton(TimeProvider.System);

        // The folder media store lives beside the database in the data directory unless configured elsewhere.
        var mediaFolder = Path.Combine(Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath), "media");
        services.PostConfigure<Media.MediaStoreOptions>(o => o.Folder ??= mediaFolder);

        // Where the transport's response cache learns what a change on any instance made stale.
        services.AddSingleton<Transport.IContentChangeFeed, ContentChangeFeed>();
        return builder;
    }

    private static void AddContext<TContext>(IServiceCollection services, DatabaseProvider provider, string connectionString)
        where TContext : CmsDbContext
    {
        // Pooled: a context's internal services are built once and reused, which a profile of an uncached list showed as a
        // sixth of each request's time when a new context was built per request. Contexts hold no per-request state.
        // Features may watch the context (the subscriptions' wake-up after a commit) by registering an interceptor.
        services.AddDbContextPool<TContext>((sp, o) => o.UseCmsProvider(provider, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped<CmsDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
