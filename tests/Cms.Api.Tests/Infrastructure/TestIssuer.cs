using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect issuer on loopback (discovery document and signing keys), standing in for
/// Microsoft Entra ID: the API fetches its metadata exactly as it would from login.microsoftonline.com.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string Audience = "api://cms-tests";

    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly RsaSecurityKey _foreignKey = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private WebApplication? _app;

    public string Authority { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = Authority + "/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/keys", () => Results.Text(
            System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_signingKey.Rsa.ExportParameters(false)) { KeyId = _signingKey.KeyId }) } }),
            "application/json"));
        await _app.StartAsync();
        Authority = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A token as Entra ID would issue it for an app-role assignment.</summary>
    public string CreateToken(IEnumerable<string> roles, string? audience = Audience, bool foreignSignature = false, TimeSpan? lifetime = null, string subject = "user-1")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = $"Test user {subject}", ["roles"] = roles.ToArray() },
            SigningCredentials = new SigningCredentials(foreignSignature ? _foreignKey : _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _signingKey.Rsa.Dispose();
        _foreignKey.Rsa.Dispose();
    }
}
