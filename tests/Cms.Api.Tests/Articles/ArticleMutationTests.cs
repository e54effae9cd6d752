using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>The editorial mutations through GraphQL: each success and each typed error, with nothing written on failure.</summary>
public sealed class ArticleMutationTests : IAsyncLifetime
{
    private const string Payload = "article { id slug title status latestVersionNumber publishedVersionNumber version { number author changeNote } sections { key heading } } errors { __typename ... on UserError { code message } ... on ValidationError { field } ... on VersionConflictError { expectedVersion currentVersion } ... on SlugTakenError { slug } }";

    private const string CreateInput = """
        { title: "The Siege of Orléans is lifted", summary: "Joan of Arc's relief force ends the English siege.",
          historicalDate: { start: { year: 1429, month: 5, day: 8 }, precision: DAY },
          places: [{ name: "Orléans", country: "France", latitude: 47.9029, longitude: 1.9093 }],
          tags: ["hundred-years-war"], keyFacts: ["The siege had lasted since October 1428"],
          sections: [{ heading: "What happened?", body: "The English withdrew." }, { heading: "Why does it matter?", body: "A turning point." }],
          sources: [{ title: "Joan of Arc: A History", publisher: "Helen Castor" }], changeNote: "First draft" }
        """;

    private readonly CmsApiFactory _api = new();
    private HttpClient _editor = null!;
    private HttpClient _publisher = null!;
    private HttpClient _admin = null!;
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        _editor = await ClientAsync(Role.Editor);
        _publisher = await ClientAsync(Role.Publisher);
        _admin = await ClientAsync(Role.Admin);
        _viewer = await ClientAsync(Role.Viewer);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _editor, _publisher, _admin, _viewer })
        {
            client.Dispose();
        }

        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_makes_version_1_as_a_draft_with_a_slug_and_section_keys_from_the_text()
    {
        var article = await CreateAsync();

        Assert.Equal(("the-siege-of-orleans-is-lifted", "DRAFT", 1, null), (Str(article, "slug"), Str(article, "status"), Int(article, "latestVersionNumber"), article["publishedVersionNumber"]?.GetValue<int>()));
        Assert.Equal(["what-happened", "why-does-it-matter"], article["sections"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()));
        Assert.Equal("First draft", article["version"]!["changeNote"]!.GetValue<string>());
        Assert.StartsWith("api-key:", article["version"]!["author"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_returns_one_validation_error_per_problem_and_writes_nothing()
    {
        var payload = await MutateAsync(_editor, "createArticle", """
            { slug: "Bad Slug", title: "", summary: "x", historicalDate: { start: { year: 0 }, precision: YEAR }, tags: ["???"] }
            """);

        Assert.Null(payload["article"]);
        Assert.Equal(["slug", "title", "historicalDate.start.year", "tags[0]"], payload["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.All(payload["errors"]!.AsArray(), e => Assert.Equal("ValidationError", e!["__typename"]!.GetValue<string>()));
        var list = await QueryAsync(_viewer, "{ article(slug: \"bad-slug\", stage: DRAFT) { slug } }");
        Assert.Null(list["article"]);
    }

    [Fact]
    public async Task Update_carries_over_unchanged_fields_and_a_stale_expected_version_is_a_conflict()
    {
        var id = Str(await CreateAsync(), "id");

        var updated = await MutateAsync(_editor, "updateArticle", $$"""{ id: "{{id}}", expectedVersion: 1, title: "Orléans is relieved", changeNote: "Shorter title" }""");
        var stale = await MutateAsync(_editor, "updateArticle", $$"""{ id: "{{id}}", expectedVersion: 1, title: "Lost update" }""");

        var article = updated["article"]!;
        Assert.Equal(("Orléans is relieved", 2), (Str(article, "title"), Int(article, "latestVersionNumber")));
        Assert.Equal(2, article["sections"]!.AsArray().Count);
        var conflict = stale["errors"]![0]!;
        Assert.Equal(("VersionConflictError", "VERSION_CONFLICT", 1, 2), (Str(conflict, "__typename"), Str(conflict, "code"), Int(conflict, "expectedVersion"), Int(conflict, "currentVersion")));
        Assert.Null(stale["article"]);
    }

    [Fact]
    public async Task Publishing_makes_a_version_public_and_drafts_need_the_viewer_role()
    {
        var id = Str(await CreateAsync(), "id");
        await MutateAsync(_editor, "updateArticle", $$"""{ id: "{{id}}", expectedVersion: 1, title: "Second title" }""");

        var published = await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}", version: 1 }""");
        var missingVersion = await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}", version: 9 }""");
        var reader = await QueryAsync(null, "{ article(slug: \"the-siege-of-orleans-is-lifted\") { title version { number } } }");
        var draft = await QueryAsync(_viewer, "{ article(slug: \"the-siege-of-orleans-is-lifted\", stage: DRAFT) { title version { number } } }");
        var oldVersion = await QueryAsync(_viewer, $$"""{ article(id: "{{id}}", version: 1) { title } }""");
        using var anonymous = _api.CreateClient();
        var anonymousDraft = await GraphQLHttp.PostAsync(anonymous, new { query = "{ article(slug: \"the-siege-of-orleans-is-lifted\", stage: DRAFT) { title } }" });

        Assert.Equal(("PUBLISHED_WITH_DRAFT", 1), (Str(published["article"]!, "status"), Int(published["article"]!, "publishedVersionNumber")));
        Assert.Equal("NotFoundError", Str(missingVersion["errors"]![0]!, "__typename"));
        Assert.Equal(("The Siege of Orléans is lifted", 1), (Str(reader["article"]!, "title"), Int(reader["article"]!["version"]!, "number")));
        Assert.Equal("""{"title":"Second title","version":{"number":2}}""", draft["article"]!.ToJsonString());
        Assert.Equal("The Siege of Orléans is lifted", Str(oldVersion["article"]!, "title"));
        Assert.Equal((401, "UNAUTHENTICATED"), (anonymousDraft.Status, anonymousDraft.ErrorCodes.Single()));
    }

    [Fact]
    public async Task A_changed_slug_keeps_answering_as_a_redirect_and_a_taken_slug_is_refused()
    {
        var id = Str(await CreateAsync(), "id");
        await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}" }""");

        var changed = await MutateAsync(_publisher, "changeSlug", $$"""{ id: "{{id}}", slug: "siege-of-orleans" }""");
        var viaOld = await QueryAsync(null, "{ article(slug: \"the-siege-of-orleans-is-lifted\") { slug redirectedFrom } }");
        var taken = await MutateAsync(_publisher, "changeSlug", $$"""{ id: "{{id}}", slug: "battle-of-marathon" }""");

        Assert.Equal("siege-of-orleans", Str(changed["article"]!, "slug"));
        Assert.Equal("""{"slug":"siege-of-orleans","redirectedFrom":"the-siege-of-orleans-is-lifted"}""", viaOld["article"]!.ToJsonString());
        Assert.Equal(("SlugTakenError", "battle-of-marathon"), (Str(taken["errors"]![0]!, "__typename"), Str(taken["errors"]![0]!, "slug")));
    }

    [Fact]
    public async Task Restore_unpublish_archive_delete_and_purge_work_and_refuse_with_typed_errors()
    {
        var id = Str(await CreateAsync(), "id");
        await MutateAsync(_editor, "updateArticle", $$"""{ id: "{{id}}", expectedVersion: 1, title: "Changed" }""");
        await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{id}}" }""");

        var restored = await MutateAsync(_publisher, "restoreArticleVersion", $$"""{ id: "{{id}}", version: 1, expectedVersion: 2 }""");
        var purgeWhilePublished = await MutateAsync(_admin, "purgeArticle", $$"""{ id: "{{id}}" }""");
        var unpublished = await MutateAsync(_publisher, "unpublishArticle", $$"""{ id: "{{id}}" }""");
        var unpublishAgain = await MutateAsync(_publisher, "unpublishArticle", $$"""{ id: "{{id}}" }""");
        var archived = await MutateAsync(_publisher, "archiveArticle", $$"""{ id: "{{id}}" }""");
        var editArchived = await MutateAsync(_editor, "updateArticle", $$"""{ id: "{{id}}", expectedVersion: 3, title: "No" }""");
        var deleted = await MutateAsync(_admin, "deleteArticle", $$"""{ id: "{{id}}" }""");
        var restoreDeleted = await MutateAsync(_publisher, "restoreArticleVersion", $$"""{ id: "{{id}}", version: 1, expectedVersion: 3 }""");
        var purged = await MutateAsync(_admin, "purgeArticle", $$"""{ id: "{{id}}" }""");
        var unknown = await MutateAsync(_admin, "purgeArticle", """{ id: "not-an-id" }""");

        Assert.Equal(("The Siege of Orléans is lifted", 3, "Restored version 1"), (Str(restored["article"]!, "title"), Int(restored["article"]!, "latestVersionNumber"), Str(restored["article"]!["version"]!, "changeNote")));
        Assert.Equal("InvalidStateError", Str(purgeWhilePublished["errors"]![0]!, "__typename"));
        Assert.Equal("DRAFT", Str(unpublished["article"]!, "status"));
        Assert.Equal("InvalidStateError", Str(unpublishAgain["errors"]![0]!, "__typename"));
        Assert.Equal("ARCHIVED", Str(archived["article"]!, "status"));
        Assert.Equal("InvalidStateError", Str(editArchived["errors"]![0]!, "__typename"));
        Assert.Empty(deleted["errors"]!.AsArray());
        Assert.Equal("InvalidStateError", Str(restoreDeleted["errors"]![0]!, "__typename"));
        Assert.Empty(purged["errors"]!.AsArray());
        Assert.Equal("NotFoundError", Str(unknown["errors"]![0]!, "__typename"));
        Assert.Null((await QueryAsync(_viewer, $$"""{ article(id: "{{id}}", stage: DRAFT) { title } }"""))["article"]);
    }

    [Fact]
    public async Task A_schedule_can_be_set_seen_and_cancelled_and_cancelling_nothing_is_an_invalid_state()
    {
        var id = Str(await CreateAsync(), "id");
        var at = DateTime.UtcNow.AddDays(1).ToString("O");

        var scheduled = await MutateAsync(_publisher, "schedulePublication", $$"""{ id: "{{id}}", at: "{{at}}" }""");
        var seen = await QueryAsync(_viewer, $$"""{ article(id: "{{id}}", stage: DRAFT) { scheduledPublication { version } } }""");
        var cancelled = await MutateAsync(_publisher, "cancelScheduledPublication", $$"""{ id: "{{id}}" }""");
        var again = await MutateAsync(_publisher, "cancelScheduledPublication", $$"""{ id: "{{id}}" }""");
        var gone = await QueryAsync(_viewer, $$"""{ article(id: "{{id}}", stage: DRAFT) { scheduledPublication { version } } }""");
        var editorMayNot = await GraphQLHttp.PostAsync(_editor, new { query = $$"""mutation { schedulePublication(input: { id: "{{id}}", at: "{{at}}" }) { errors { __typename } } }""" });

        Assert.Empty(scheduled["errors"]!.AsArray());
        Assert.Equal("""{"article":{"scheduledPublication":{"version":1}}}""", seen.ToJsonString());
        Assert.Empty(cancelled["errors"]!.AsArray());
        Assert.Equal("InvalidStateError", Str(again["errors"]![0]!, "__typename"));
        Assert.Equal("""{"article":{"scheduledPublication":null}}""", gone.ToJsonString());
        Assert.Equal((403, "FORBIDDEN"), (editorMayNot.Status, editorMayNot.ErrorCodes.Single()));
    }

    [Fact]
    public async Task An_article_with_the_longest_text_allowed_saves_through_variables_with_the_default_limits()
    {
        // Three bodies of 100,000 two-byte characters: the model's whole-text limit, about 600 KB of JSON.
        var body = new string('é', 100_000);
        var sections = Enumerable.Range(1, 3).Select(i => new { heading = $"Part {i}", body }).ToList();
        const string Mutation = "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { latestVersionNumber } errors { __typename ... on ValidationError { field code } } } }";
        object Input(IEnumerable<object> parts) => new { query = Mutation, variables = new { input = new { title = "A long read", summary = "Long.", historicalDate = new { start = new { year = 1066 }, precision = "YEAR" }, sections = parts } } };

        var longest = await GraphQLHttp.PostAsync(_editor, Input(sections));
        var tooLong = await GraphQLHttp.PostAsync(_editor, Input([.. sections, new { heading = "Part 4", body = "x" }]));

        Assert.True(longest.Status == 200 && longest.ErrorCodes.Count == 0, longest.Text[..Math.Min(500, longest.Text.Length)]);
        Assert.Equal(1, longest.Body!["data"]!["createArticle"]!["article"]!["latestVersionNumber"]!.GetValue<int>());
        var refusal = tooLong.Body!["data"]!["createArticle"]!;
        Assert.Null(refusal["article"]);
        Assert.Equal(("sections", "TOO_LONG"), (refusal["errors"]![0]!["field"]!.GetValue<string>(), refusal["errors"]![0]!["code"]!.GetValue<string>()));
    }

    private async Task<JsonNode> CreateAsync()
    {
        var payload = await MutateAsync(_editor, "createArticle", CreateInput);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["article"]!;
    }

    private static async Task<JsonNode> MutateAsync(HttpClient client, string mutation, string input)
    {
        var response = await GraphQLHttp.PostAsync(client, new { query = $"mutation {{ {mutation}(input: {input}) {{ {Payload} }} }}" });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]![mutation]!;
    }

    private async Task<JsonNode> QueryAsync(HttpClient? client, string query)
    {
        using var anonymous = client is null ? _api.CreateClient() : null;
        var response = await GraphQLHttp.PostAsync(client ?? anonymous!, new { query });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]!;
    }

    private async Task<HttpClient> ClientAsync(Role role)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(role));
        return client;
    }

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();
}
