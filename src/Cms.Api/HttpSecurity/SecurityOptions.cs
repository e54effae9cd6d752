using System.ComponentModel.DataAnnotations;

namespace Cms.Api.HttpSecurity;

/// <summary>Who may call the API: JWT bearer tokens from an OpenID Connect authority, and API keys. Section "Auth".</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public JwtOptions Jwt { get; set; } = new();

    /// <summary>
    /// On start-up, when no API key exists, create an admin key and print it once to the console.
    /// Default: true for the embedded SQLite database, false for SQL Server.
    /// </summary>
    public bool? BootstrapAdminKey { get; set; }
}

/// <summary>JWT bearer tokens, for example from Microsoft Entra ID. Off until <see cref="Authority"/> is set.</summary>
public sealed class JwtOptions
{
    /// <summary>The OpenID Connect authority (issuer), e.g. <c>https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for, e.g. the API's application id URI <c>api://cms-api</c> or its client id.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim that carries role names (viewer, editor, publisher, admin). Default <c>roles</c>, as Entra ID app roles use.</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Fetch the authority's metadata over HTTPS only. Default true; turn off only for a local test issuer.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>Requests allowed per minute, per caller, in three classes. 0 turns a class's limit off. Section "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Queries without credentials, per client address. Default 600.</summary>
    [Range(0, 10_000_000)]
    public int AnonymousQueriesPerMinute { get; set; } = 600;

    /// <summary>Queries with credentials, per API key or token subject. Default 6,000.</summary>
    [Range(0, 10_000_000)]
    public int AuthenticatedQueriesPerMinute { get; set; } = 6_000;

    /// <summary>Mutations, per API key or token subject (per client address for anonymous callers). Default 120.</summary>
    [Range(0, 10_000_000)]
    public int MutationsPerMinute { get; set; } = 120;
}

/// <summary>Browser front ends allowed to call the API from another origin. Section "Cors".</summary>
public sealed class CorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins such as <c>https://www.example.org</c>. Default none: only same-origin and non-browser clients.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
