using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Articles;

/// <summary>
/// Preview tokens: minted by publishers for one article (optionally one version), sent as X-Preview-Token, they show that
/// article's draft through <c>article</c> and nothing else; expiring, revocable, never cached, never accepted for a mutation.
/// </summary>
public sealed class PreviewTokenTests : IAsyncLifetime
{
    private const string Read = "query($slug: String!) { article(slug: $slug) { slug title version { number } } }";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly CmsApiFactory _api;
    private HttpClient _publisher = null!;
    private HttpClient _anonymous = null!;

    public PreviewTokenTests() => _api = new CmsApiFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        _publisher = _api.CreateClient();
        _publisher.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Publisher));
        _anonymous = _api.CreateClient();
    }

    public Task DisposeAsync()
    {
        _publisher.Dispose();
        _anonymous.Dispose();
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_token_shows_its_articles_draft_or_its_version_and_only_that_article()
    {
        var latest = await MintAsync("battle-of-leyte-gulf");
        var pinned = await MintAsync("battle-of-leyte-gulf", "version: 1");
        var draftOnly = await MintAsync("peace-of-westphalia");

        Assert.Equal(2, (await ReadAsync("battle-of-leyte-gulf", null))!["version"]!["number"]!.GetValue<int>());
        Assert.Equal(3, (await ReadAsync("battle-of-leyte-gulf", latest.Token))!["version"]!["number"]!.GetValue<int>());
        Assert.Equal(1, (await ReadAsync("battle-of-leyte-gulf", pinned.Token))!["version"]!["number"]!.GetValue<int>());
        Assert.Null(await ReadAsync("peace-of-westphalia", null));
        Assert.Equal("The Peace of Westphalia ends the Thirty Years' War", (await ReadAsync("peace-of-westphalia", draftOnly.Token))!["title"]!.GetValue<string>());

        // Useless for any other article: that one reads as it does for everyone.
        Assert.Equal(2, (await ReadAsync("battle-of-marathon", draftOnly.Token))!["version"]!["number"]!.GetValue<int>());
        Assert.Null(await ReadAsync("peace-of-westphalia", latest.Token));
    }

    [Fact]
    public async Task A_token_is_not_a_role_it_cannot_list_drafts_read_history_or_mutate_even_beside_a_key()
    {
        var token = (await MintAsync("peace-of-westphalia")).Token;
        var headers = new Dictionary<string, string> { ["X-Preview-Token"] = token };

        var drafts = await GraphQLHttp.PostAsync(_anonymous, new { query = "{ articles(stage: DRAFT) { nodes { slug } } }" }, headers: headers);
        var history = await GraphQLHttp.PostAsync(_anonymous, new { query = "{ article(slug: \"peace-of-westphalia\") { versions { nodes { number } } } }" }, headers: headers);
        var mutation = await GraphQLHttp.PostAsync(_publisher, new { query = "mutation { publishArticle(input: { id: \"" + (await IdAsync("peace-of-westphalia")) + "\" }) { errors { __typename } } }" }, headers: headers);

        // To the schema's rules the bearer is a reader without credentials.
        Assert.Equal("UNAUTHENTICATED", drafts.ErrorCodes.Single());
        Assert.NotEmpty(history.ErrorCodes);
        Assert.All(history.ErrorCodes, code => Assert.Equal("UNAUTHENTICATED", code));
        Assert.Equal((403, "FORBIDDEN"), (mutation.Status, mutation.ErrorCodes.Single()));
        Assert.Null(await ReadAsync("peace-of-westphalia", null));
    }

    [Fact]
    public async Task Preview_answers_are_private_and_never_served_from_the_cache()
    {
        var token = (await MintAsync("peace-of-westphalia")).Token;
        var headers = new Dictionary<string, string> { ["X-Preview-Token"] = token };
        var parameters = new Dictionary<string, string?> { ["query"] = Read, ["variables"] = "{\"slug\":\"peace-of-westphalia\"}" };

        var preview = await GraphQLHttp.GetAsync(_anonymous, parameters, headers: headers);
        var publicRead = await GraphQLHttp.GetAsync(_anonymous, parameters);
        var previewAgain = await GraphQLHttp.GetAsync(_anonymous, parameters, headers: headers);

        Assert.NotNull(preview.Body!["data"]!["article"]);
        Assert.Equal("no-store", preview.Headers.CacheControl!.ToString());
        Assert.Null(publicRead.Body!["data"]!["article"]);
        Assert.NotNull(previewAgain.Body!["data"]!["article"]);
    }

    [Fact]
    public async Task Revoked_expired_forged_and_altered_tokens_are_refused_alike()
    {
        var revoked = await MintAsync("peace-of-westphalia");
        var working = await ReadAsync("peace-of-westphalia", revoked.Token);
        var revocation = await MutateAsync(_publisher, $$"""revokePreviewToken(input: { id: "{{revoked.Id}}" })""");
        var expiring = await MintAsync("peace-of-westphalia", "expiresInMinutes: 5");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var altered = expiring.Token[..^2] + (expiring.Token[^2] == 'A' ? "B" : "A") + expiring.Token[^1];

        Assert.NotNull(working);
        Assert.Empty(revocation["errors"]!.AsArray());
        Assert.NotNull(revocation["previewToken"]!["revokedAt"]);
        foreach (var token in new[] { revoked.Token, expiring.Token, altered, "cmsp_" + new string('A', 43), "not-a-token" })
        {
            var response = await GraphQLHttp.PostAsync(_anonymous, new { query = Read, variables = new { slug = "peace-of-westphalia" } }, headers: new Dictionary<string, string> { ["X-Preview-Token"] = token });
            Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.ErrorCodes.Single()));
        }
    }

    [Fact]
    public async Task Only_publishers_mint_and_bad_requests_get_typed_errors()
    {
        using var editor = _api.CreateClient();
        editor.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Editor));
        var id = await IdAsync("peace-of-westphalia");

        var byEditor = await GraphQLHttp.PostAsync(editor, new { query = $$"""mutation { createPreviewToken(input: { id: "{{id}}" }) { token } }""" });
        var tooLong = await MutateAsync(_publisher, $$"""createPreviewToken(input: { id: "{{id}}", expiresInMinutes: 10081 })""");
        var noVersion = await MutateAsync(_publisher, $$"""createPreviewToken(input: { id: "{{id}}", version: 2 })""");
        var noArticle = await MutateAsync(_publisher, """createPreviewToken(input: { id: "QXJ0aWNsZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=" })""");

        Assert.Equal("FORBIDDEN", byEditor.ErrorCodes.Single());
        Assert.Equal("ValidationError", tooLong["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("NotFoundError", noVersion["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("NotFoundError", noArticle["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Null(tooLong["token"]);
    }

    private async Task<(string Id, string Token)> MintAsync(string slug, string extra = "")
    {
        var payload = await MutateAsync(_publisher, $$"""createPreviewToken(input: { id: "{{await IdAsync(slug)}}" {{(extra.Length > 0 ? ", " + extra : "")}} })""");
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.True(payload["previewToken"]!["expiresAt"]!.GetValue<DateTime>() > DateTime.UtcNow);
        return (payload["previewToken"]!["id"]!.GetValue<string>(), payload["token"]!.GetValue<string>());
    }

    private static async Task<JsonNode> MutateAsync(HttpClient client, string call)
    {
        var response = await GraphQLHttp.PostAsync(client, new { query = $"mutation {{ {call} {{ token previewToken {{ id expiresAt revokedAt version }} errors {{ __typename }} }} }}" });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]!.AsObject().First().Value!;
    }

    private async Task<string> IdAsync(string slug)
    {
        var response = await GraphQLHttp.PostAsync(_publisher, new { query = $"{{ article(slug: \"{slug}\", stage: DRAFT) {{ id }} }}" });
        return response.Body!["data"]!["article"]!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode?> ReadAsync(string slug, string? token)
    {
        var headers = token is null ? null : new Dictionary<string, string> { ["X-Preview-Token"] = token };
        var response = await GraphQLHttp.PostAsync(_anonymous, new { query = Read, variables = new { slug } }, headers: headers);
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]!["article"];
    }
}
