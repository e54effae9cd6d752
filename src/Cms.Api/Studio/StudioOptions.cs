namespace Cms.Api.Studio;

/// <summary>The studio, the editors' web app at <c>/studio</c>. Bound from the "Studio" configuration section.</summary>
public sealed class StudioOptions
{
    public const string SectionName = "Studio";

    /// <summary>
    /// Serve the studio at <c>/studio</c>. Default: on in Development, off elsewhere. It uses only the public GraphQL API,
    /// so turning it on grants nothing: every request is authorized by the key it carries.
    /// </summary>
    public bool? Enabled { get; set; }
}
