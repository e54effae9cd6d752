namespace Cms.Api.GraphiQL;

/// <summary>The in-browser IDE at the GraphQL endpoint. Bound from the "GraphiQL" configuration section.</summary>
public sealed class GraphiQLOptions
{
    public const string SectionName = "GraphiQL";

    /// <summary>
    /// Serve GraphiQL to a browser's GET of the GraphQL endpoint. Default: on in Development, off elsewhere. Its
    /// documentation explorer and completion need introspection (<c>GraphQL:EnableIntrospection</c>).
    /// </summary>
    public bool? Enabled { get; set; }
}
