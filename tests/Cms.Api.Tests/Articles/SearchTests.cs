using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>
/// <c>search</c> on SQLite's FTS5 index through the API: every word required, the last as a prefix, accents and case
/// ignored, title matches first, escaped and highlighted snippets, keyset pages bound to their text, the index kept in
/// step with each publish, unpublish and delete, and bad input refused with a code.
/// </summary>
public sealed class SearchTests : IAsyncLifetime
{
    private readonly CmsApiFactory _api = new();
    private HttpClient _editor = null!;
    private HttpClient _publisher = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _editor = await ClientAsync(Role.Editor);
        _publisher = await ClientAsync(Role.Publisher);
        _admin = await ClientAsync(Role.Admin);
    }

    public Task DisposeAsync()
    {
        _editor.Dispose();
        _publisher.Dispose();
        _admin.Dispose();
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_word_must_match_the_last_may_be_a_prefix_and_case_and_accents_are_ignored()
    {
        await PublishAsync("siege-of-orleans", "The siege of Orléans is lifted", "Joan of Arc relieves the city.", "The English withdrew from the Loire.");

        Assert.Equal(["battle-of-marathon"], await SlugsAsync("persian MARATHON"));
        Assert.Equal(["great-pyramid-of-giza"], await SlugsAsync("khufu pyram"));
        Assert.Equal(["siege-of-orleans"], await SlugsAsync("ORLEANS"));
        Assert.Equal(["siege-of-orleans"], await SlugsAsync("loire"));
        Assert.Empty(await SlugsAsync("marathon pyramid"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match_and_the_snippet_is_escaped_and_highlighted()
    {
        await PublishAsync("body-only", "A quiet harbour", "Nothing to see.", "Traders reached <script>alert(1)</script> Zanzibar by dhow, & more.");
        await PublishAsync("in-title", "Zanzibar becomes a sultanate", "The island's new rulers.", "Text.");

        var results = await SearchAsync("zanzibar", "nodes { score snippet article { slug } }");
        var nodes = results["nodes"]!.AsArray();

        Assert.Equal(["in-title", "body-only"], nodes.Select(n => n!["article"]!["slug"]!.GetValue<string>()));
        Assert.True(nodes[0]!["score"]!.GetValue<double>() > nodes[1]!["score"]!.GetValue<double>());
        var snippet = nodes[1]!["snippet"]!.GetValue<string>();
        Assert.Contains("<mark>Zanzibar</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", snippet, StringComparison.Ordinal);
        Assert.Equal("The island&#39;s new rulers.", nodes[0]!["snippet"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_and_a_cursor_of_another_search_is_refused()
    {
        foreach (var n in new[] { "one", "two", "three", "four", "five" })
        {
            await PublishAsync($"quokka-{n}", $"Quokka sighting {n}", "Quokkas seen.", $"Report {n} of a quokka.");
        }

        var seen = new List<string>();
        string? after = null;
        bool more;
        do
        {
            var page = await SearchAsync("quokka", "nodes { article { slug } } pageInfo { hasNextPage endCursor } totalCount", 2, after);
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["article"]!["slug"]!.GetValue<string>()));
            Assert.Equal(5, page["totalCount"]!.GetValue<int>());
            more = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (more);

        var (_, body) = await _api.PostGraphQLAsync($"{{ search(text: \"marathon\", after: \"{after}\") {{ nodes {{ score }} }} }}");

        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_index_follows_publish_new_versions_unpublish_and_delete_and_never_shows_drafts()
    {
        var id = await CreateAsync("comet-sighting", "A great comet appears", "Seen across Europe.", "Astronomers tracked the wombat-shaped tail.");
        var draftOnly = await SlugsAsync("wombat");
        await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}" }""");
        var published = await SlugsAsync("wombat");

        await MutateAsync(_editor, "updateArticle", $$"""{ id: "{{id}}", expectedVersion: 1, sections: [{ heading: "What happened?", body: "The tail looked like a platypus." }] }""");
        var (draftOld, draftNew) = (await SlugsAsync("wombat"), await SlugsAsync("platypus"));
        await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}" }""");
        var (republishedOld, republishedNew) = (await SlugsAsync("wombat"), await SlugsAsync("platypus"));

        await MutateAsync(_publisher, "unpublishArticle", $$"""{ id: "{{id}}" }""");
        var unpublished = await SlugsAsync("platypus");
        await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}" }""");
        await MutateAsync(_admin, "deleteArticle", $$"""{ id: "{{id}}" }""");
        var deleted = await SlugsAsync("platypus");

        Assert.Empty(draftOnly);
        Assert.Equal(["comet-sighting"], published);
        Assert.Equal(["comet-sighting"], draftOld);
        Assert.Empty(draftNew);
        Assert.Empty(republishedOld);
        Assert.Equal(["comet-sighting"], republishedNew);
        Assert.Empty(unpublished);
        Assert.Empty(deleted);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("\"!?-\"")]
    [InlineData("\"a b c d e f g h i j k\"")]
    [InlineData("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    public async Task Empty_wordless_too_long_or_too_wordy_text_is_refused_with_a_code(string text)
    {
        var (status, body) = await _api.PostGraphQLAsync($"{{ search(text: {text}) {{ nodes {{ score }} }} }}");

        Assert.Equal(200, status);
        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]?["search"]);
    }

    [Fact]
    public async Task Words_operators_and_quotes_are_searched_as_text_not_as_query_syntax()
    {
        var slugs = await SlugsAsync("marathon OR \"NEAR(x\" AND -giza*");

        Assert.Empty(slugs);
        Assert.Equal(["battle-of-marathon"], await SlugsAsync("\"Marathon\""));
    }

    private async Task<List<string>> SlugsAsync(string text) =>
        [.. (await SearchAsync(text, "nodes { article { slug } }"))["nodes"]!.AsArray().Select(n => n!["article"]!["slug"]!.GetValue<string>())];

    private async Task<JsonNode> SearchAsync(string text, string selection, int first = 20, string? after = null)
    {
        var (status, body) = await _api.PostGraphQLAsync(
            "query($text: String!, $first: Int, $after: String) { search(text: $text, first: $first, after: $after) { " + selection + " } }",
            new { text, first, after });
        Assert.True(status == 200 && body["errors"] is null, body.ToJsonString());
        return body["data"]!["search"]!;
    }

    private async Task PublishAsync(string slug, string title, string summary, string body)
    {
        var id = await CreateAsync(slug, title, summary, body);
        await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}" }""");
    }

    private async Task<string> CreateAsync(string slug, string title, string summary, string body)
    {
        var created = await MutateAsync(_editor, "createArticle", $$"""
            { slug: "{{slug}}", title: "{{title}}", summary: "{{summary}}", historicalDate: { start: { year: 1800 }, precision: YEAR },
              sections: [{ heading: "What happened?", body: {{System.Text.Json.JsonSerializer.Serialize(body)}} }] }
            """);
        return created["article"]!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> MutateAsync(HttpClient client, string mutation, string input)
    {
        var response = await GraphQLHttp.PostAsync(client, new { query = $"mutation {{ {mutation}(input: {input}) {{ article {{ id }} errors {{ __typename ... on UserError {{ message }} }} }} }}" });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        var payload = response.Body!["data"]![mutation]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    private async Task<HttpClient> ClientAsync(Role role)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(role));
        return client;
    }
}
