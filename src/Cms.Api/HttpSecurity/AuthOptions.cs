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
