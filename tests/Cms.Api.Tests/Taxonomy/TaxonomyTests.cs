using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Taxonomy;

/// <summary>
/// Tags as editors type them (labels in any script, one slug per tag) and the <c>tags</c> and <c>places</c> lists with
/// the number of published articles using each, checked against the published articles themselves.
/// </summary>
public sealed class TaxonomyTests : IAsyncLifetime
{
    private readonly CmsApiFactory _api = new();
    private HttpClient _editor = null!;
    private HttpClient _publisher = null!;

    public async Task InitializeAsync()
    {
        _editor = await ClientAsync(Role.Editor);
        _publisher = await ClientAsync(Role.Publisher);
    }

    public Task DisposeAsync()
    {
        _editor.Dispose();
        _publisher.Dispose();
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Tags_count_the_published_articles_carrying_them_most_used_first_and_leave_out_drafts()
    {
        var published = (await QueryAsync("{ articles(first: 100) { nodes { tags { slug } } } }"))["articles"]!["nodes"]!.AsArray();
        var expected = published.SelectMany(a => a!["tags"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()))
            .GroupBy(slug => slug)
            .Select(g => (Slug: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToList();

        var tags = (await QueryAsync("{ tags(first: 100) { nodes { slug label articleCount } totalCount } }"))["tags"]!;

        Assert.Equal(expected, tags["nodes"]!.AsArray().Select(t => (t!["slug"]!.GetValue<string>(), t["articleCount"]!.GetValue<int>())));
        Assert.Equal(expected.Count, tags["totalCount"]!.GetValue<int>());
        Assert.Equal(("battles", "Battles", 2), Tag(tags["nodes"]![0]!));
        Assert.Equal(("cold-war", "Cold War", 2), Tag(tags["nodes"]![1]!));
        Assert.DoesNotContain(tags["nodes"]!.AsArray(), t => t!["slug"]!.GetValue<string>() == "treaties");
    }

    [Fact]
    public async Task Tags_page_by_slug_in_both_orders_and_refuse_a_cursor_from_another_order()
    {
        var all = new List<string>();
        string? after = null;
        bool more;
        do
        {
            var page = (await QueryAsync($"{{ tags(first: 4, order: [{{ slug: ASC }}]{(after is null ? "" : $", after: \"{after}\"")}) {{ nodes {{ slug }} pageInfo {{ hasNextPage endCursor }} }} }}"))["tags"]!;
            all.AddRange(page["nodes"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
            more = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (more);

        var descending = (await QueryAsync("{ tags(first: 100, order: [{ slug: DESC }]) { nodes { slug } } }"))["tags"]!["nodes"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>());
        var byCount = (await QueryAsync("{ tags(first: 2) { pageInfo { endCursor } } }"))["tags"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var secondByCount = (await QueryAsync($"{{ tags(first: 2, after: \"{byCount}\") {{ nodes {{ slug articleCount }} }} }}"))["tags"]!["nodes"]!.AsArray();
        var (status, body) = await _api.PostGraphQLAsync($"{{ tags(first: 2, order: [{{ slug: ASC }}], after: \"{byCount}\") {{ nodes {{ slug }} }} }}");
        var (twoSteps, twoStepsBody) = await _api.PostGraphQLAsync("{ tags(order: [{ slug: ASC }, { articleCount: DESC }]) { nodes { slug } } }");

        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(21, all.Count);
        Assert.Equal(Enumerable.Reverse(all), descending);
        Assert.All(secondByCount, t => Assert.Equal(1, t!["articleCount"]!.GetValue<int>()));
        Assert.Equal("ancient-egypt", secondByCount[0]!["slug"]!.GetValue<string>());
        Assert.Equal((200, "BAD_USER_INPUT"), (status, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Equal((200, "BAD_USER_INPUT"), (twoSteps, twoStepsBody["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Labels_as_editors_type_them_give_slugs_and_two_labels_with_one_slug_are_one_tag()
    {
        var created = await CreateAndPublishAsync("battle-of-kursk", """["World War II", "Eastern Front", "Великая Отечественная война"]""");
        var again = await CreateAndPublishAsync("siege-of-leningrad", """["world war  ii", "Eastern front"]""");
        var duplicate = await MutateAsync(_editor, "createArticle", Input("battle-of-stalingrad", """["Eastern Front", "eastern-front"]"""));

        var tagged = (await QueryAsync("""{ articles(first: 10, where: { tags: { some: { slug: { eq: "eastern-front" } } } }, order: [{ slug: ASC }]) { nodes { slug } } }"""))["articles"]!["nodes"]!.AsArray();
        var tags = (await QueryAsync("{ tags(first: 100) { nodes { slug label articleCount } } }"))["tags"]!["nodes"]!.AsArray().Select(Tag).ToList();

        Assert.Equal(
            [("world-war-ii", "World War II"), ("eastern-front", "Eastern Front"), ("великая-отечественная-война", "Великая Отечественная война")],
            created["tags"]!.AsArray().Select(t => (t!["slug"]!.GetValue<string>(), t["label"]!.GetValue<string>())));
        Assert.Equal(
            [("world-war-ii", "world war ii"), ("eastern-front", "Eastern front")],
            again["tags"]!.AsArray().Select(t => (t!["slug"]!.GetValue<string>(), t["label"]!.GetValue<string>())));
        Assert.Equal(("ValidationError", "tags[1]", "DUPLICATE"), (Str(duplicate["errors"]![0]!, "__typename"), Str(duplicate["errors"]![0]!, "field"), Str(duplicate["errors"]![0]!, "code")));
        Assert.Null(duplicate["article"]);
        Assert.Equal(["battle-of-kursk", "siege-of-leningrad"], tagged.Select(a => a!["slug"]!.GetValue<string>()));

        // The list names a tag by the label it was first given; each version keeps the label its editor typed.
        Assert.Contains(("world-war-ii", "World War II", 3), tags);
        Assert.Contains(("eastern-front", "Eastern Front", 2), tags);
        Assert.Contains(("великая-отечественная-война", "Великая Отечественная война", 1), tags);
    }

    [Fact]
    public async Task A_tag_without_letters_or_digits_or_too_long_is_refused_with_its_field()
    {
        var payload = await MutateAsync(_editor, "createArticle", Input("nothing-here", $$"""["Fine", "—!—", "{{new string('x', 61)}}"]"""));

        Assert.Equal(
            [("tags[1]", "INVALID_FORMAT"), ("tags[2]", "TOO_LONG")],
            payload["errors"]!.AsArray().Select(e => (Str(e!, "field"), Str(e!, "code"))));
    }

    [Fact]
    public async Task Places_count_published_articles_per_name_and_country_with_mean_coordinates()
    {
        await CreateAndPublishAsync("athens-again", """["Battles"]""", """[{ name: "Athens", country: "Greece", latitude: 37.9815, longitude: 23.7357 }]""");

        var places = (await QueryAsync("{ places(first: 100) { nodes { name country latitude longitude articleCount } totalCount } }"))["places"]!;
        var byName = (await QueryAsync("{ places(first: 3, order: [{ name: ASC }]) { nodes { name } } }"))["places"]!["nodes"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        var first = places["nodes"]![0]!;

        Assert.Equal(("Athens", "Greece", 2), (Str(first, "name"), Str(first, "country"), first["articleCount"]!.GetValue<int>()));
        Assert.Equal((37.9765, 23.7307), (Math.Round(first["latitude"]!.GetValue<double>(), 4), Math.Round(first["longitude"]!.GetValue<double>(), 4)));
        Assert.Equal(places["nodes"]!.AsArray().Count, places["totalCount"]!.GetValue<int>());
        Assert.All(places["nodes"]!.AsArray().Skip(1), p => Assert.Equal(1, p!["articleCount"]!.GetValue<int>()));
        Assert.Equal(places["nodes"]!.AsArray().Select(p => Str(p!, "name")).Order(StringComparer.Ordinal).Take(3), byName);
    }

    private async Task<JsonNode> CreateAndPublishAsync(string slug, string tags, string places = "[]")
    {
        var created = await MutateAsync(_editor, "createArticle", Input(slug, tags, places));
        Assert.Empty(created["errors"]!.AsArray());
        var published = await MutateAsync(_publisher, "publishArticle", $$"""{ id: "{{Str(created["article"]!, "id")}}" }""");
        Assert.Empty(published["errors"]!.AsArray());
        return created["article"]!;
    }

    private static string Input(string slug, string tags, string places = "[]") => $$"""
        { slug: "{{slug}}", title: "{{slug}}", summary: "A test article.", historicalDate: { start: { year: 1943 }, precision: YEAR },
          tags: {{tags}}, places: {{places}}, sections: [{ heading: "What happened?", body: "Text." }] }
        """;

    private static async Task<JsonNode> MutateAsync(HttpClient client, string mutation, string input)
    {
        var response = await GraphQLHttp.PostAsync(client, new
        {
            query = $"mutation {{ {mutation}(input: {input}) {{ article {{ id tags {{ slug label }} }} errors {{ __typename ... on UserError {{ code }} ... on ValidationError {{ field }} }} }} }}",
        });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]![mutation]!;
    }

    private async Task<JsonNode> QueryAsync(string query)
    {
        var (status, body) = await _api.PostGraphQLAsync(query);
        Assert.True(status == 200 && body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    private async Task<HttpClient> ClientAsync(Role role)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(role));
        return client;
    }

    private static (string Slug, string Label, int Count) Tag(JsonNode? tag) =>
        (tag!["slug"]!.GetValue<string>(), tag["label"]!.GetValue<string>(), tag["articleCount"]!.GetValue<int>());

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();
}
