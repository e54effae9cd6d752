using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Security;

/// <summary>Credentials in URLs, rate limits, CORS and security headers.</summary>
public sealed class HttpSecurityTests
{
    [Theory]
    [InlineData("api_key")]
    [InlineData("access_token")]
    [InlineData("apiKey")]
    public async Task A_key_in_the_query_string_is_refused_without_being_used(string parameter)
    {
        using var api = new CmsApiFactory();
        var key = await api.CreateApiKeyAsync(Role.Admin);
        using var client = api.CreateClient();

        var response = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["query"] = "{ apiKeys { name } }", [parameter] = key });

        Assert.Equal(400, response.Status);
        Assert.Equal(["CREDENTIALS_IN_QUERY_STRING"], response.ErrorCodes);
        Assert.DoesNotContain(key, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_queries_are_limited_per_client_address_with_retry_after()
    {
        using var api = new CmsApiFactory().WithSetting("RateLimits:AnonymousQueriesPerMinute", "3");
        using var client = api.CreateClient();
        const string query = "{ articles(first: 1) { totalCount } }";

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await GraphQLHttp.PostAsync(client, new { query })).Status);
        }

        var limited = await GraphQLHttp.PostAsync(client, new { query });

        Assert.Equal([200, 200, 200], statuses);
        Assert.Equal(429, limited.Status);
        Assert.Equal(["RATE_LIMITED"], limited.ErrorCodes);
        Assert.True(limited.Headers.RetryAfter!.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Mutations_and_authenticated_queries_have_limits_of_their_own_per_key()
    {
        using var api = new CmsApiFactory()
            .WithSetting("RateLimits:AnonymousQueriesPerMinute", "1")
            .WithSetting("RateLimits:MutationsPerMinute", "2");
        var first = await api.CreateApiKeyAsync(Role.Admin);
        var second = await api.CreateApiKeyAsync(Role.Admin);
        using var client = api.CreateClient();
        const string mutation = "mutation { revokeApiKey(input: { id: \"nope\" }) { errors { code } } }";
        Dictionary<string, string> As(string key) => new() { ["X-Api-Key"] = key };

        var anonymous = new[] { await Status(client, "{ __typename }", null), await Status(client, "{ __typename }", null) };
        var authenticatedQuery = await Status(client, "{ __typename }", As(first));
        var mutations = new[] { await Status(client, mutation, As(first)), await Status(client, mutation, As(first)), await Status(client, mutation, As(first)) };
        var otherKey = await Status(client, mutation, As(second));

        Assert.Equal([200, 429], anonymous);
        Assert.Equal(200, authenticatedQuery);
        Assert.Equal([200, 200, 429], mutations);
        Assert.Equal(200, otherKey);
    }

    [Fact]
    public async Task Configured_front_end_origins_pass_cors_and_others_do_not()
    {
        using var api = new CmsApiFactory().WithSetting("Cors:AllowedOrigins:0", "https://www.example.org");
        using var client = api.CreateClient();

        using var allowed = await Preflight(client, "https://www.example.org");
        using var other = await Preflight(client, "https://evil.example");

        Assert.Equal("https://www.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("GraphQL-Preflight")]
    [InlineData("Apollo-Require-Preflight")]
    [InlineData("X-Apollo-Operation-Name")]
    [InlineData("Authorization")]
    [InlineData("X-Api-Key")]
    [InlineData("If-None-Match")]
    public async Task A_cross_origin_browser_request_with_each_header_the_endpoint_reads_passes_cors(string header)
    {
        using var api = new CmsApiFactory().WithSetting("Cors:AllowedOrigins:0", "https://www.example.org");
        using var client = api.CreateClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://www.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", $"content-type, {header.ToLowerInvariant()}");
        using var answer = await client.SendAsync(preflight);

        Assert.Equal("https://www.example.org", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = answer.Headers.GetValues("Access-Control-Allow-Headers").Single().Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains(header, allowed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("content-type", allowed, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var api = new CmsApiFactory();
        using var client = api.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static async Task<int> Status(HttpClient client, string query, Dictionary<string, string>? headers) =>
        (await GraphQLHttp.PostAsync(client, new { query }, headers: headers)).Status;

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, x-api-key");
        return await client.SendAsync(request);
    }
}
