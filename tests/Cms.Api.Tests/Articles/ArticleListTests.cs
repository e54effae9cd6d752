using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>
/// <c>articles</c> in HotChocolate's shape over the demo content (eight published articles, one draft): filters with
/// each operator, BCE dates and year-wide operands, orders with a unique tie-breaker, keyset paging both ways with signed
/// cursors bound to their order, and bad input refused with a code.
/// </summary>
public sealed class ArticleListTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private static readonly string[] NewestFirst =
    [
        "fall-of-the-berlin-wall", "apollo-11-moon-landing", "battle-of-leyte-gulf", "gutenberg-bible-printed",
        "magna-carta-sealed", "eruption-of-vesuvius", "battle-of-marathon", "great-pyramid-of-giza",
    ];

    [Fact]
    public async Task The_default_list_is_published_articles_newest_event_first_with_nodes_edges_and_a_total()
    {
        var page = await ListAsync("articles(first: 3) { nodes { slug } edges { cursor node { slug } } totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }");

        Assert.Equal(NewestFirst[..3], Slugs(page["nodes"]));
        Assert.Equal(NewestFirst[..3], page["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()));
        Assert.Equal(8, page["totalCount"]!.GetValue<int>());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(page["edges"]![0]!["cursor"]!.GetValue<string>(), page["pageInfo"]!["startCursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_forward_then_backward_visits_every_article_once_in_order()
    {
        var forward = new List<string>();
        string? after = null;
        bool more;
        do
        {
            var page = await ListAsync($"articles(first: 3{(after is null ? "" : $", after: \"{after}\"")}) {{ nodes {{ slug }} pageInfo {{ hasNextPage endCursor }} }}");
            forward.AddRange(Slugs(page["nodes"]));
            more = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (more);

        var backward = new List<string>();
        string? before = null;
        do
        {
            var page = await ListAsync($"articles(last: 3{(before is null ? "" : $", before: \"{before}\"")}) {{ nodes {{ slug }} pageInfo {{ hasPreviousPage hasNextPage startCursor }} }}");
            backward.InsertRange(0, Slugs(page["nodes"]));
            more = page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>();
            Assert.Equal(before is not null, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        while (more);

        Assert.Equal(NewestFirst, forward);
        Assert.Equal(NewestFirst, backward);
    }

    [Theory]
    [InlineData("historicalDate: { lt: { year: 1 } }", "battle-of-marathon,great-pyramid-of-giza")]
    [InlineData("historicalDate: { eq: { year: 1215 } }", "magna-carta-sealed")]
    [InlineData("historicalDate: { eq: { year: 1215, month: 6 } }", "magna-carta-sealed")]
    [InlineData("historicalDate: { eq: { year: 1215, month: 7 } }", "")]
    [InlineData("historicalDate: { gte: { year: -490 }, lte: { year: 79 } }", "eruption-of-vesuvius,battle-of-marathon")]
    [InlineData("historicalDate: { gt: { year: 1944 } }", "fall-of-the-berlin-wall,apollo-11-moon-landing")]
    [InlineData("historicalDate: { ngt: { year: -491 } }", "great-pyramid-of-giza")]
    [InlineData("historicalDate: { in: [{ year: 79 }, { year: 1969 }] }", "apollo-11-moon-landing,eruption-of-vesuvius")]
    [InlineData("historicalDate: { nin: [{ year: 79 }, { year: 1969 }], gte: { year: 1000 } }", "fall-of-the-berlin-wall,battle-of-leyte-gulf,gutenberg-bible-printed,magna-carta-sealed")]
    [InlineData("slug: { startsWith: \"battle-\" }", "battle-of-leyte-gulf,battle-of-marathon")]
    [InlineData("slug: { in: [\"battle-of-marathon\", \"magna-carta-sealed\"] }", "magna-carta-sealed,battle-of-marathon")]
    [InlineData("slug: { endsWith: \"-wall\" }", "fall-of-the-berlin-wall")]
    [InlineData("slug: { nstartsWith: \"b\", ncontains: \"o\", nendsWith: \"printed\" }", "magna-carta-sealed")]
    [InlineData("title: { contains: \"MARATHON\" }", "battle-of-marathon")]
    [InlineData("title: { contains: \"%\" }", "")]
    [InlineData("tags: { some: { slug: { eq: \"cold-war\" } } }", "fall-of-the-berlin-wall,apollo-11-moon-landing")]
    [InlineData("tags: { none: { slug: { in: [\"battles\", \"cold-war\"] } } }, historicalDate: { gte: { year: 1000 } }", "gutenberg-bible-printed,magna-carta-sealed")]
    [InlineData("tags: { all: { slug: { contains: \"e\" } } }, historicalDate: { lt: { year: 1 } }", "battle-of-marathon")]
    [InlineData("tags: { any: false }", "")]
    [InlineData("places: { some: { country: { eq: \"Egypt\" } } }", "great-pyramid-of-giza")]
    [InlineData("places: { some: { name: { contains: \"berlin\" } } }", "fall-of-the-berlin-wall")]
    [InlineData("or: [{ slug: { eq: \"battle-of-marathon\" } }, { tags: { some: { slug: { eq: \"volcanoes\" } } } }]", "eruption-of-vesuvius,battle-of-marathon")]
    [InlineData("and: [{ slug: { startsWith: \"b\" } }, { slug: { neq: \"battle-of-leyte-gulf\" } }]", "battle-of-marathon")]
    [InlineData("status: { eq: PUBLISHED }, slug: { eq: \"battle-of-marathon\" }", "battle-of-marathon")]
    [InlineData("publishedAt: { lt: \"2000-01-01T00:00:00Z\" }", "")]
    [InlineData("updatedAt: { gt: \"2000-01-01T00:00:00Z\" }, slug: { eq: \"battle-of-marathon\" }", "battle-of-marathon")]
    public async Task Filters_select_the_expected_articles(string where, string expected)
    {
        var page = await ListAsync($"articles(first: 50, where: {{ {where} }}) {{ nodes {{ slug }} totalCount }}");

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Slugs(page["nodes"]));
        Assert.Equal(Slugs(page["nodes"]).Count, page["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_order_is_kept_across_pages_and_a_cursor_works_only_under_its_own_order()
    {
        const string byTitle = "order: [{ title: DESC }]";
        var all = Slugs((await ListAsync($"articles(first: 50, {byTitle}) {{ nodes {{ slug title }} }}"))["nodes"]);
        var first = await ListAsync($"articles(first: 4, {byTitle}) {{ nodes {{ slug }} pageInfo {{ endCursor }} }}");
        var cursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await ListAsync($"articles(first: 4, after: \"{cursor}\", {byTitle}) {{ nodes {{ slug }} }}");
        var underDefault = await PostAsync($"{{ articles(first: 4, after: \"{cursor}\") {{ nodes {{ slug }} }} }}");

        Assert.Equal(all, Slugs(first["nodes"]).Concat(Slugs(second["nodes"])));
        Assert.Equal(8, all.Count);
        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(underDefault));
    }

    [Fact]
    public async Task Several_sort_steps_apply_in_the_order_written()
    {
        var page = await ListAsync("articles(first: 50, order: [{ historicalDate: ASC }, { slug: DESC }]) { nodes { slug } }");
        var unknown = await PostAsync("{ articles(order: [{ summary: ASC }]) { nodes { slug } } }");

        Assert.Equal(NewestFirst.Reverse(), Slugs(page["nodes"]));
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], JsonAssert.ErrorCodes(unknown));
    }

    [Theory]
    [InlineData("articles(first: 2, last: 2) { nodes { slug } }")]
    [InlineData("articles(first: 101) { nodes { slug } }")]
    [InlineData("articles(last: -1) { nodes { slug } }")]
    [InlineData("articles(after: \"bm90IGEgY3Vyc29y\") { nodes { slug } }")]
    [InlineData("articles(where: { historicalDate: { eq: { year: 1215, month: 13 } } }) { nodes { slug } }")]
    [InlineData("articles(where: { historicalDate: { eq: { year: 0 } } }) { nodes { slug } }")]
    [InlineData("articles(where: { and: [{ and: [{ and: [{ and: [{ and: [{ slug: { eq: \"x\" } }] }] }] }] }] }) { nodes { slug } }")]
    public async Task Bad_paging_and_filter_input_is_refused_with_a_code(string field)
    {
        var body = await PostAsync($"{{ {field} }}");

        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(body));
    }

    [Fact]
    public async Task A_page_over_the_maximum_names_the_maximum()
    {
        var body = await PostAsync("{ articles(last: 500) { nodes { slug } } }");

        var error = body!["errors"]![0]!;
        Assert.Equal(100, error["extensions"]!["maxAllowedItems"]!.GetValue<int>());
        Assert.Equal(500, error["extensions"]!["requestedItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_in_list_over_the_limit_is_refused()
    {
        var values = string.Join(", ", Enumerable.Range(0, 101).Select(i => $"\"s{i}\""));

        var body = await PostAsync($"{{ articles(where: {{ slug: {{ in: [{values}] }} }}) {{ nodes {{ slug }} }} }}");

        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(body));
    }

    [Fact]
    public async Task A_cursor_changed_by_one_character_is_refused()
    {
        var cursor = (await ListAsync("articles(first: 1) { pageInfo { endCursor } }"))["pageInfo"]!["endCursor"]!.GetValue<string>();
        var changed = cursor[..^2] + (cursor[^2] == 'A' ? 'B' : 'A') + cursor[^1];

        var body = await PostAsync($"{{ articles(first: 1, after: \"{changed}\") {{ nodes {{ slug }} }} }}");

        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(body));
    }

    [Fact]
    public async Task Drafts_are_listed_only_for_viewers()
    {
        using var viewer = api.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Viewer));
        const string drafts = "{ articles(first: 50, stage: DRAFT, where: { status: { eq: DRAFT } }) { nodes { slug } totalCount } }";

        var anonymous = await PostAsync(drafts);
        var asViewer = (await GraphQLHttp.PostAsync(viewer, new { query = drafts })).Body!;

        Assert.NotEmpty(JsonAssert.ErrorCodes(anonymous));
        JsonAssert.NoErrors(asViewer);
        Assert.Contains("peace-of-westphalia", Slugs(asViewer["data"]!["articles"]!["nodes"]));
    }

    [Fact]
    public async Task Who_last_changed_an_article_filters_the_list_for_viewers_and_is_refused_to_readers_in_the_document_and_in_variables()
    {
        using var viewer = api.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Viewer));
        const string literal = "{ articles(first: 50, where: { updatedBy: { eq: \"demo-content\" } }) { totalCount } }";
        const string nobody = "{ articles(first: 50, where: { or: [{ updatedBy: { eq: \"nobody\" } }] }) { totalCount } }";
        const string inVariables = "query($where: ArticleFilterInput) { articles(first: 50, where: $where) { totalCount } }";
        var nested = new { and = new object[] { new { updatedBy = new { startsWith = "demo" } } } };

        var byDemo = (await GraphQLHttp.PostAsync(viewer, new { query = literal })).Body!;
        var byNobody = (await GraphQLHttp.PostAsync(viewer, new { query = nobody })).Body!;
        var byVariable = (await GraphQLHttp.PostAsync(viewer, new { query = inVariables, variables = new { where = nested } })).Body!;
        var anonymousLiteral = await PostAsync(literal);
        var anonymousVariable = (await GraphQLHttp.PostAsync(api.CreateClient(), new { query = inVariables, variables = new { where = nested } })).Body;
        var anonymousOtherFilter = (await GraphQLHttp.PostAsync(api.CreateClient(), new { query = inVariables, variables = new { where = new { slug = new { eq = "battle-of-marathon" } } } })).Body!;

        Assert.Equal(8, byDemo["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, byNobody["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(8, byVariable["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["UNAUTHENTICATED"], JsonAssert.ErrorCodes(anonymousLiteral));
        Assert.Equal(["UNAUTHENTICATED"], JsonAssert.ErrorCodes(anonymousVariable));
        Assert.Null(anonymousLiteral!["data"]);
        Assert.Equal(1, anonymousOtherFilter["data"]!["articles"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task On_this_day_finds_day_precise_events_of_any_year_and_refuses_days_that_do_not_exist()
    {
        var body = await PostAsync("{ nov9: onThisDay(month: 11, day: 9) { slug } jun15: onThisDay(month: 6, day: 15, first: 1) { slug historicalDate { display } } none: onThisDay(month: 2, day: 29) { slug } }");
        var invalid = await PostAsync("{ onThisDay(month: 2, day: 30) { slug } }");
        var tooMany = await PostAsync("{ onThisDay(month: 2, day: 3, first: 101) { slug } }");

        JsonAssert.NoErrors(body!);
        Assert.Equal(["fall-of-the-berlin-wall"], Slugs(body!["data"]!["nov9"]));
        Assert.Equal(["magna-carta-sealed"], Slugs(body["data"]!["jun15"]));
        Assert.Empty(Slugs(body["data"]!["none"]));
        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(invalid));
        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(tooMany));
    }

    private async Task<JsonNode?> PostAsync(string query)
    {
        using var client = api.CreateClient();
        return (await GraphQLHttp.PostAsync(client, new { query })).Body;
    }

    private async Task<JsonNode> ListAsync(string field)
    {
        var body = await PostAsync($"{{ {field} }}");
        JsonAssert.NoErrors(body!);
        return body!["data"]!["articles"]!;
    }

    private static List<string> Slugs(JsonNode? nodes) => [.. nodes!.AsArray().Select(n => n!["slug"]!.GetValue<string>())];
}
