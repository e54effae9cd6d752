using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Security;

/// <summary>
/// Every kind of caller against every protected field and mutation (and a public one), with the expected
/// outcome: allowed, or refused with 401 UNAUTHENTICATED / 403 FORBIDDEN and nothing executed.
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private readonly TestIssuer _issuer = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private CmsApiFactory _api = null!;
    private Dictionary<string, Dictionary<string, string>> _callers = null!;

    private enum Need
    {
        Public,
        Editor,
        Admin,
    }

    private static readonly (string Name, Need Need, string Query, object? Variables)[] Operations =
    [
        ("articles", Need.Public, "{ articles(first: 1) { totalCount } }", null),
        ("me", Need.Public, "{ me { name } }", null),
        ("apiKeys", Need.Admin, "{ apiKeys { name role } }", null),
        ("createApiKey", Need.Admin, "mutation { createApiKey(input: { name: \"made-in-matrix\", role: VIEWER }) { secret errors { code } } }", null),
        ("revokeApiKey", Need.Admin, "mutation { revokeApiKey(input: { id: \"nope\" }) { errors { code } } }", null),
        ("webhooks", Need.Admin, "{ webhooks(first: 1) { totalCount } }", null),
        ("createWebhook", Need.Admin, "mutation { createWebhook(input: { url: \"https://hooks.example.com/in\", events: [ARTICLE_PUBLISHED] }) { secret errors { code } } }", null),
        ("sendTestWebhook", Need.Admin, "mutation { sendTestWebhook(input: { id: \"nope\" }) { errors { code } } }", null),
        ("uploadProbe", Need.Editor, "mutation($files: [Upload!]!) { uploadProbe(files: $files) { key } }", new { files = Array.Empty<object>() }),
    ];

    public async Task InitializeAsync()
    {
        await _issuer.StartAsync();
        _api = new CmsApiFactory()
            .WithTestFields()
            .WithServices(services => services.AddSingleton<TimeProvider>(_clock))
            .WithSetting("Auth:Jwt:Authority", _issuer.Authority)
            .WithSetting("Auth:Jwt:Audience", TestIssuer.Audience)
            .WithSetting("Auth:Jwt:RequireHttpsMetadata", "false")
            .WithSetting("RateLimits:MutationsPerMinute", "0")
            .WithSetting("RateLimits:AnonymousQueriesPerMinute", "0");
        _callers = new(StringComparer.Ordinal)
        {
            ["anonymous"] = [],
            ["key:viewer"] = Key(await _api.CreateApiKeyAsync(Role.Viewer)),
            ["key:editor"] = Key(await _api.CreateApiKeyAsync(Role.Editor)),
            ["key:publisher"] = Key(await _api.CreateApiKeyAsync(Role.Publisher)),
            ["key:admin"] = Key(await _api.CreateApiKeyAsync(Role.Admin)),
            ["key:admin-as-bearer"] = Bearer(await _api.CreateApiKeyAsync(Role.Admin)),
            ["jwt:viewer"] = Bearer(_issuer.CreateToken(["viewer"])),
            ["jwt:editor"] = Bearer(_issuer.CreateToken(["Editor"])),
            ["jwt:publisher"] = Bearer(_issuer.CreateToken(["publisher"])),
            ["jwt:admin"] = Bearer(_issuer.CreateToken(["viewer", "admin"])),
            ["jwt:no-known-role"] = Bearer(_issuer.CreateToken(["reader"])),
        };

        var revoked = await _api.CreateApiKeyAsync(Role.Admin, "to-revoke");
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(Model.Security.ApiKey.PublicIdOf(revoked)!);
        }

        _callers["key:revoked"] = Key(revoked);
        _callers["key:expired"] = Key(await _api.CreateApiKeyAsync(Role.Admin, "expiring", _clock.GetUtcNow().UtcDateTime.AddMinutes(5)));
        _callers["key:unknown"] = Key("cmsk_0123456789ab_" + new string('A', 43));
        _callers["jwt:wrong-audience"] = Bearer(_issuer.CreateToken(["admin"], audience: "api://someone-else"));
        _callers["jwt:wrong-signature"] = Bearer(_issuer.CreateToken(["admin"], foreignSignature: true));
        _callers["jwt:expired"] = Bearer(_issuer.CreateToken(["admin"], lifetime: TimeSpan.FromMinutes(-5)));
        _callers["malformed:bearer"] = new() { ["Authorization"] = "Bearer not.a.token" };
        _callers["malformed:basic"] = new() { ["Authorization"] = "Basic dXNlcjpwYXNz" };
        _callers["malformed:prefix-only"] = new() { ["X-Api-Key"] = "cmsk_" };
        _callers["malformed:huge"] = new() { ["Authorization"] = "Bearer " + new string('a', 60_000) };
        _clock.Advance(TimeSpan.FromMinutes(10));
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Every_caller_gets_exactly_what_its_role_allows_on_every_protected_operation()
    {
        var mismatches = new List<string>();
        using var client = _api.CreateClient();
        foreach (var (caller, headers) in _callers)
        {
            foreach (var (name, need, query, variables) in Operations)
            {
                var expected = Expect(caller, need);
                var response = await GraphQLHttp.PostAsync(client, new { query, variables }, GraphQLHttp.GraphQLResponseJson, headers);
                var actual = response.Status == 200 && response.ErrorCodes.Count == 0 ? "allow" : $"{response.Status} {string.Join(",", response.ErrorCodes.Distinct())}";
                if (actual != expected)
                {
                    mismatches.Add($"{caller} → {name}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.Empty(mismatches);
        await using var scope = _api.Services.CreateAsyncScope();
        var made = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync()).Count(k => k.Name == "made-in-matrix");
        Assert.Equal(_callers.Keys.Count(c => Expect(c, Need.Admin) == "allow"), made);
    }

    [Fact]
    public async Task Refusals_do_not_reveal_whether_a_key_exists()
    {
        using var client = _api.CreateClient();

        var bodies = new List<string>();
        foreach (var caller in new[] { "key:revoked", "key:expired", "key:unknown", "malformed:prefix-only" })
        {
            var response = await GraphQLHttp.PostAsync(client, new { query = "{ me { name } }" }, headers: _callers[caller]);
            Assert.True(response.Status == 401, $"{caller}: {response.Status} {response.Text}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            bodies.Add(response.Text);
        }

        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task Me_describes_the_caller()
    {
        using var client = _api.CreateClient();

        var jwt = await GraphQLHttp.PostAsync(client, new { query = "{ me { name role } }" }, headers: _callers["jwt:editor"]);
        var key = await GraphQLHttp.PostAsync(client, new { query = "{ me { role } }" }, headers: _callers["key:publisher"]);
        var anonymous = await GraphQLHttp.PostAsync(client, new { query = "{ me { role } }" });

        Assert.Equal("""{"me":{"name":"Test user user-1","role":"EDITOR"}}""", jwt.Body!["data"]!.ToJsonString());
        Assert.Equal("""{"me":{"role":"PUBLISHER"}}""", key.Body!["data"]!.ToJsonString());
        Assert.Equal("""{"me":null}""", anonymous.Body!["data"]!.ToJsonString());
    }

    private static string Expect(string caller, Need need)
    {
        if (caller.StartsWith("malformed", StringComparison.Ordinal) || caller is "key:revoked" or "key:expired" or "key:unknown" or "jwt:wrong-audience" or "jwt:wrong-signature" or "jwt:expired")
        {
            return "401 UNAUTHENTICATED";
        }

        var role = caller.Split(':')[^1] switch
        {
            "viewer" => Role.Viewer,
            "editor" => Role.Editor,
            "publisher" => Role.Publisher,
            "admin" or "admin-as-bearer" => Role.Admin,
            _ => (Role?)null,
        };
        var required = need switch
        {
            Need.Public => (Role?)null,
            Need.Editor => Role.Editor,
            _ => Role.Admin,
        };
        return required is null || role >= required ? "allow"
            : caller == "anonymous" ? "401 UNAUTHENTICATED"
            : "403 FORBIDDEN";
    }

    private static Dictionary<string, string> Key(string key) => new() { ["X-Api-Key"] = key };

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };
}
