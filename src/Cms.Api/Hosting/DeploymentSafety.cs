using Cms.Api.HttpSecurity;
using Cms.Api.Media;
using Cms.Model.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cms.Api.Hosting;

/// <summary>
/// Start-up in Production refuses configurations that would lose data, leak secrets or fail on more than one instance,
/// each with a message naming the setting to change. <c>Deployment:AllowUnsafeConfiguration</c> relaxes this, explicitly.
/// </summary>
public static partial class DeploymentSafety
{
    public static void RefuseUnsafeProductionConfiguration(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var deployment = app.Configuration.GetSection(DeploymentOptions.SectionName).Get<DeploymentOptions>() ?? new DeploymentOptions();
        if (!app.Environment.IsProduction())
        {
            return;
        }

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var media = app.Services.GetRequiredService<IOptions<MediaStoreOptions>>().Value;
        if (!deployment.AllowUnsafeConfiguration)
        {
            var problems = Problems(deployment, database, media, app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Refusing to start in Production: {string.Join(" ", problems)} (Set Deployment:AllowUnsafeConfiguration=true only for a local check.)");
            }
        }

        var files = FilesToBackUp(database, media, app.Environment.ContentRootPath);
        if (files.Count > 0)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeploymentSafety));
            LogBackUp(logger, files);
        }
    }

    /// <summary>
    /// What exists only on this machine, and so only in the operator's backups: the SQLite database with its write-ahead log
    /// (the -wal file holds the latest writes until a checkpoint; -shm is rebuilt) and the folder media store.
    /// </summary>
    public static IReadOnlyList<string> FilesToBackUp(DatabaseOptions database, MediaStoreOptions media, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(media);
        var files = new List<string>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(database.ResolveConnectionString(contentRoot)).DataSource;
            var path = Path.GetFullPath(dataSource, contentRoot);
            files.Add($"{path} (database)");
            files.Add($"{path}-wal (its write-ahead log: copy both together, with the app stopped, or use sqlite3 .backup)");
        }

        if (media.Kind == MediaStoreKind.Folder && !string.IsNullOrWhiteSpace(media.Folder))
        {
            files.Add($"{Path.GetFullPath(media.Folder, contentRoot)}{Path.DirectorySeparatorChar} (media folder)");
        }

        return files;
    }

    public static IReadOnlyList<string> Problems(DeploymentOptions deployment, DatabaseOptions database, MediaStoreOptions media, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(auth);
        var problems = new List<string>();
        if (deployment.InstanceCount < 1)
        {
            problems.Add($"Deployment:InstanceCount is {deployment.InstanceCount}; it counts the instances serving the app, at least 1.");
        }

        // One machine with a SQLite file is a legitimate small deployment, once the operator says there is one machine.
        if (database.Provider == DatabaseProvider.Sqlite && deployment.InstanceCount != 1)
        {
            problems.Add(deployment.InstanceCount > 1
                ? $"Database:Provider is Sqlite, a file only one instance can use, and Deployment:InstanceCount is {deployment.InstanceCount}; use SqlServer."
                : "Database:Provider is Sqlite, the embedded default for development; production data belongs in SqlServer, or, on one machine only, set Deployment:InstanceCount=1.");
        }

        if (media.Kind == MediaStoreKind.Folder && deployment.InstanceCount > 1)
        {
            problems.Add($"Media:Store:Kind is Folder, which each of the {deployment.InstanceCount} instances (Deployment:InstanceCount) would have on its own; use AzureBlob.");
        }

        if (media.BlobConnectionString?.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase) == true)
        {
            problems.Add("Media:Store:BlobConnectionString holds an account key; in Azure use Media:Store:BlobAccountUri with the managed identity.");
        }

        if (auth.Jwt.IsEnabled && string.IsNullOrWhiteSpace(auth.Jwt.Audience))
        {
            problems.Add("Auth:Jwt:Audience is missing; tokens for any audience of the authority would be accepted.");
        }

        if (auth.BootstrapAdminKey == true)
        {
            problems.Add("Auth:BootstrapAdminKey is true, which writes an admin key to the logs (and so to telemetry); create keys with the apikeys command.");
        }

        return problems;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data on this machine only, to back up: {Files}")]
    private static partial void LogBackUp(ILogger logger, IReadOnlyList<string> files);
}
