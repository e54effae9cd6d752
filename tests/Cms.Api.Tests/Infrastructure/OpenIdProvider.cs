using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Cms.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (npm's <c>oidc-provider</c>, tests/js/oidc-provider.mjs) on HTTPS loopback with a
/// certificate made for this run, standing in for Microsoft Entra ID in the studio's sign-in: authorization code with
/// PKCE, JWT access tokens for <see cref="Audience"/> with a <c>roles</c> claim per account. The CMS is told to trust
/// exactly this certificate when it fetches the provider's metadata; the browser context ignores certificate errors.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string Audience = "api://cms-studio-tests";
    public const string Scope = Audience + "/Content.ReadWrite";
    public const string ClientId = "cms-studio";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cms-oidc-{Guid.NewGuid():N}");
    private readonly string _thumbprint;
    private NodeServer? _server;

    public OpenIdProvider()
    {
        Port = LoopbackPorts.Free();
        Directory.CreateDirectory(_folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _thumbprint = certificate.Thumbprint;
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public int Port { get; }

    /// <summary>The issuer, as both the CMS (<c>Auth:Jwt:Authority</c>) and the studio (<c>Studio:SignIn:Authority</c>) name it.</summary>
    public string Authority => $"https://127.0.0.1:{Port}";

    private string CertificatePath => Path.Combine(_folder, "certificate.pem");

    private string KeyPath => Path.Combine(_folder, "key.pem");

    /// <summary>The settings that turn on JWTs from this provider in the CMS and organisation sign-in in the studio.</summary>
    public CmsApiFactory Configure(CmsApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory
            .WithSetting("Auth:Jwt:Authority", Authority)
            .WithSetting("Auth:Jwt:Audience", Audience)
            .WithSetting("Studio:SignIn:Authority", Authority)
            .WithSetting("Studio:SignIn:ClientId", ClientId)
            .WithSetting("Studio:SignIn:Scopes:0", Scope)
            .WithServices(services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.BackchannelHttpHandler = new HttpClientHandler
                {
                    // This run's certificate and no other, as a machine that trusted the provider's CA would.
                    ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == _thumbprint,
                }));
    }

    /// <summary>Starts the provider for the studio at <paramref name="studio"/> (its redirect URI) with these accounts.</summary>
    public async Task StartAsync(Uri studio, IReadOnlyDictionary<string, (string Name, string[] Roles)> accounts)
    {
        ArgumentNullException.ThrowIfNull(studio);
        ArgumentNullException.ThrowIfNull(accounts);
        await Node.EnsureInstalledAsync();
        var settings = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            clientId = ClientId,
            redirectUri = new Uri(studio, "/studio/").ToString(),
            audience = Audience,
            scope = Scope,
            accounts = accounts.ToDictionary(a => a.Key, a => new { name = a.Value.Name, roles = a.Value.Roles }),
        }));
        _server = await NodeServer.StartAsync(Node.ScriptsFolder, Port, ["oidc-provider.mjs", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), CertificatePath, KeyPath, settings]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
