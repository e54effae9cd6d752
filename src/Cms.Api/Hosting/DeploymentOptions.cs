namespace Cms.Api.Hosting;

/// <summary>Facts of the deployment the app cannot see for itself (section <c>Deployment</c>; set by infra/bicep).</summary>
public sealed class DeploymentOptions
{
    public const string SectionName = "Deployment";

    /// <summary>
    /// How many instances serve the app (the App Service plan's instance count; infra/bicep sets it). Unset means not said:
    /// Production then refuses SQLite. 1 declares a single machine, where SQLite and the folder media store are allowed.
    /// </summary>
    public int? InstanceCount { get; set; }

    /// <summary>Start in Production even with the configurations <see cref="DeploymentSafety"/> refuses; for local checks only.</summary>
    public bool AllowUnsafeConfiguration { get; set; }
}
