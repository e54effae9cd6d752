using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>
/// How the GraphQL endpoint behaves: limits, caching, persisted operations and uploads. Bound from the
/// "GraphQL" configuration section and validated at start-up; every property has a safe default.
/// </summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>The endpoint path. Default <c>/graphql</c>.</summary>
    [Required]
    [RegularExpression("^/.*", ErrorMessage = "It must start with '/'.")]
    public string Path { get; set; } = "/graphql";

    /// <summary>Answer <c>__schema</c> and <c>__type</c>. Default: on in Development, off elsewhere.</summary>
    public bool? EnableIntrospection { get; set; }

    /// <summary>Longest an operation may run before it is cancelled with a TIMEOUT error. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Cache-Control sent with successful GET responses to anonymous requests. Default <c>public, max-age=60</c>.</summary>
    [Required]
    public string GetCacheControl { get; set; } = "public, max-age=60";

    /// <summary>
    /// Refuse GET requests that lack a preflight header (GraphQL-Preflight). Default false: credentials travel
    /// only in headers, so a plain GET is no CSRF risk, and CDNs and curl send no such header.
    /// </summary>
    public bool RequirePreflightForGet { get; set; }

    /// <summary>
    /// Request headers any one of which shows that a request does not come from a cross-site form, as multipart uploads
    /// (and, when required, GET requests) must. Default <c>GraphQL-Preflight</c>, <c>Apollo-Require-Preflight</c> (what
    /// apollo-upload-client sends) and <c>X-Apollo-Operation-Name</c> (what Apollo Client 4 sends). Browsers preflight
    /// each of them cross-origin, so CORS must allow them all.
    /// </summary>
    public IList<string> PreflightHeaders { get; } = ["GraphQL-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"];

    /// <summary>
    /// Request headers that carry credentials. A response to a request with any of them is never shared
    /// (<c>Cache-Control: no-store</c>), and shared responses vary on all of them. Default <c>Authorization</c>; each
    /// authentication scheme adds its own (API keys add <c>X-Api-Key</c>).
    /// </summary>
    public IList<string> CredentialHeaders { get; } = ["Authorization"];

    /// <summary>How many parsed and validated documents are kept, keyed by the SHA-256 of their text. Default 1,000.</summary>
    [Range(0, 1_000_000)]
    public int DocumentCacheSize { get; set; } = 1_000;

    public GraphQLLimits Limits { get; set; } = new();

    public PersistedQueryOptions PersistedQueries { get; set; } = new();

    public TrustedDocumentOptions TrustedDocuments { get; set; } = new();

    public UploadOptions Uploads { get; set; } = new();

    public ResponseCacheOptions ResponseCache { get; set; } = new();

    public SubscriptionLimits Subscriptions { get; set; } = new();
}
