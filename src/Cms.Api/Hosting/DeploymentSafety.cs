using Cms.Api.HttpSecurity;
using Cms.Api.Media;
using Cms.Model.Persistence;
using Microsoft.Extensions.Options;

namespace Cms.Api.Hosting;

/// <summary>Facts of the deployment the app cannot see for itself (section <c>Deployment</c>; set by infra/bicep).</summary>
public sealed class DeploymentOptions
{
    public const string SectionName = "Deployment";

    /// <summary>How many instances serve the app (the App Service plan's instance count).</summary>
    public int InstanceCount { get; set; } = 1;

    /// <summary>Start in Production even with the configurations <see cref="DeploymentSafety"/> refuses; for local checks only.</summary>
    public bool AllowUnsafeConfiguration { get; set; }
}

/// <summary>
/// Start-up in Production refuses configurations that would lose data, leak secrets or fail on more than one instance,
/// each with a message naming the setting to change. <c>Deployment:AllowUnsafeConfiguration</c> relaxes this, explicitly.
/// </summary>
public static class DeploymentSafety
{
    public static void RefuseUnsafeProductionConfiguration(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var deployment = app.Configuration.GetSection(DeploymentOptions.SectionName).Get<DeploymentOptions>() ?? new DeploymentOptions();
        if (!app.Environment.IsProduction() || deployment.AllowUnsafeConfiguration)
        {
            return;
        }

        var problems = Problems(
            deployment,
            app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            app.Services.GetRequiredService<IOptions<MediaStoreOptions>>().Value,
            app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in Production: {string.Join(" ", problems)} (Set Deployment:AllowUnsafeConfiguration=true only for a local check.)");
        }
    }

    public static IReadOnlyList<string> Problems(DeploymentOptions deployment, DatabaseOptions database, MediaStoreOptions media, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(auth);
        var problems = new List<string>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            problems.Add(deployment.InstanceCount > 1
                ? $"Database:Provider is Sqlite, a file only one instance can use, and Deployment:InstanceCount is {deployment.InstanceCount}; use SqlServer."
                : "Database:Provider is Sqlite, the embedded default for development; production data belongs in SqlServer.");
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
}
