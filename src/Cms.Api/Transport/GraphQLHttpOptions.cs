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
    [RegularExpression("^/.*", ErrorMessage = "GraphQL:Path must start with '/'.")]
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
}

/// <summary>
/// Serialized answers to anonymous queries, kept in memory and dropped whenever the application's content version moves
/// (read every <see cref="PollInterval"/> from the database all instances share).
/// </summary>
public sealed class ResponseCacheOptions
{
    /// <summary>Answer repeated anonymous queries from memory. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most bytes of answers kept; the least recently used go first. Default 64 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How often the content version is read. A change made on another instance is served stale for at most about this
    /// long; changes made through this instance drop its cache at once. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Limits that keep a request cheap to refuse: each is checked before the operation executes.</summary>
public sealed class GraphQLLimits
{
    /// <summary>Largest JSON request body, in bytes. Default 1 MiB. Larger bodies get 413 before they are read.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest query document, in characters. Default 20,000.</summary>
    [Range(16, 10_000_000)]
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>Most lexical tokens in a document, counted before it is parsed. Default 3,000.</summary>
    [Range(16, 1_000_000)]
    public int MaxTokens { get; set; } = 3_000;

    /// <summary>Deepest nesting the parser follows (selections, values, types). Default 64.</summary>
    [Range(8, 1_000)]
    public int MaxParserDepth { get; set; } = 64;

    /// <summary>Deepest field selection in an operation, fragments included. Default 15.</summary>
    [Range(1, 1_000)]
    public int MaxQueryDepth { get; set; } = 15;

    /// <summary>
    /// Highest field cost: each field costs 1, a list field multiplies its children by its page size
    /// (<c>first</c>/<c>last</c>) or by 20 when it has none. Default 25,000.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Most aliased fields in a document. Default 30.</summary>
    [Range(0, 100_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most fields selected at the root of an operation, fragments included. Default 20.</summary>
    [Range(1, 100_000)]
    public int MaxRootFields { get; set; } = 20;

    /// <summary>Largest <c>variables</c> value, in bytes of JSON. Default 64 KiB.</summary>
    [Range(2, 100 * 1024 * 1024)]
    public int MaxVariablesBytes { get; set; } = 64 * 1024;
}

/// <summary>Apollo-compatible automatic persisted queries.</summary>
public sealed class PersistedQueryOptions
{
    /// <summary>Accept <c>extensions.persistedQuery.sha256Hash</c> and remember queries by hash. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a remembered query stays unused before it is forgotten. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan SlidingExpiration { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Trusted documents: in production, only operations from an allow-list run.</summary>
public sealed class TrustedDocumentOptions
{
    /// <summary>
    /// A JSON file mapping SHA-256 hashes (hex) to documents, such as a client build's persisted-query manifest.
    /// When set, only those documents run; unset (default), any document may run. Relative to the content root.
    /// </summary>
    public string? ManifestPath { get; set; }
}

/// <summary>GraphQL multipart requests (file uploads).</summary>
public sealed class UploadOptions
{
    /// <summary>Largest single file, in bytes. Default 100 MiB (larger files go by direct upload).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>How long a multipart request may run, files streamed included (the ordinary ExecutionTimeout is for queries). Default 10 minutes.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most files in one request. Default 10.</summary>
    [Range(0, 1_000)]
    public int MaxFiles { get; set; } = 10;
}
