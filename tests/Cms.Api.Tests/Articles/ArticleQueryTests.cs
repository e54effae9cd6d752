using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Api.Articles;
using Cms.Api.Hosting.DemoContent;
using Cms.Api.SchemaCore;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Articles;
using Cms.Model.Taxonomy;

namespace Cms.Api.Tests.Articles;

public sealed class ArticleQueryTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const string FullArticle = """
        query Article($slug: String!) {
          article(slug: $slug) {
            id slug title summary
            historicalDate { start { year month day isBce iso } end { year month day } precision label display }
            places { name country latitude longitude }
            tags { slug label } keyFacts
            sections { key heading body position }
            sources { title url publisher note }
            media { assetId role captionOverride asset { fileName contentType width height altText license } }
            version { id number createdAt changeNote }
            publishedAt
          }
        }
        """;

    [Fact]
    public async Task A_published_article_answers_with_its_fields_and_sections_in_order()
    {
        var (status, body) = await api.PostGraphQLAsync(FullArticle, new { slug = "battle-of-marathon" });

        Assert.Equal(200, status);
        JsonAssert.NoErrors(body);
        var article = body["data"]!["article"]!;
        Assert.Equal("Athens defeats the Persian landing at Marathon", article["title"]!.GetValue<string>());
        Assert.Equal("""{"year":-490,"month":null,"day":null,"isBce":true,"iso":"-0489"}""", article["historicalDate"]!["start"]!.ToJsonString());
        Assert.Equal(("YEAR", "Late summer, 490 BCE"), (article["historicalDate"]!["precision"]!.GetValue<string>(), article["historicalDate"]!["display"]!.GetValue<string>()));
        Assert.Equal(["what-happened", "the-runner", "why-it-matters"], article["sections"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()));
        Assert.Equal([0, 1, 2], article["sections"]!.AsArray().Select(s => s!["position"]!.GetValue<int>()));
        Assert.Equal(2, article["version"]!["number"]!.GetValue<int>());
        Assert.True(GlobalId.TryDecode(article["id"]!.GetValue<string>(), out var typeName, out _));
        Assert.Equal("Article", typeName);
    }

    [Fact]
    public async Task Every_published_demo_article_matches_its_published_version_field_by_field()
    {
        var demos = await DemoContentSeeder.LoadAsync(CancellationToken.None);

        foreach (var demo in demos.Where(d => d.PublishedVersion is not null))
        {
            var (status, body) = await api.PostGraphQLAsync(FullArticle, new { slug = demo.Slug });

            Assert.Equal(200, status);
            JsonAssert.NoErrors(body);
            AssertArticle(demo, PublishedContent(demo), body["data"]!["article"]!);
        }
    }

    [Fact]
    public async Task Drafts_are_not_delivered()
    {
        var (_, neverPublished) = await api.PostGraphQLAsync("{ article(slug: \"peace-of-westphalia\") { title } }");
        var (_, newerDraft) = await api.PostGraphQLAsync("{ article(slug: \"battle-of-leyte-gulf\") { places { name } version { number } } }");

        Assert.Null(neverPublished["data"]!["article"]);
        Assert.Equal(2, newerDraft["data"]!["article"]!["version"]!["number"]!.GetValue<int>());
        Assert.Equal(2, newerDraft["data"]!["article"]!["places"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("no-such-article")]
    [InlineData("Not A Slug")]
    public async Task An_unknown_slug_answers_null(string slug)
    {
        var (status, body) = await api.PostGraphQLAsync("query($slug: String!) { article(slug: $slug) { title } }", new { slug });

        Assert.Equal(200, status);
        JsonAssert.NoErrors(body);
        Assert.Null(body["data"]!["article"]);
    }

    [Fact]
    public async Task Lists_selected_through_fragments_are_loaded()
    {
        const string query = """
            query { article(slug: "magna-carta-sealed") { ...Body ... on Article { tags { slug } } } }
            fragment Body on Article { sections { key } keyFacts }
            """;

        var (_, body) = await api.PostGraphQLAsync(query);

        JsonAssert.NoErrors(body);
        Assert.Equal(3, body["data"]!["article"]!["sections"]!.AsArray().Count);
        Assert.Equal(4, body["data"]!["article"]!["keyFacts"]!.AsArray().Count);
        Assert.Equal(["medieval-england", "law", "charters"], body["data"]!["article"]!["tags"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Articles_lists_published_articles_newest_event_first_across_bce_and_ce()
    {
        var (status, body) = await api.PostGraphQLAsync("{ articles(first: 20) { totalCount edges { node { slug } } pageInfo { hasNextPage } } }");

        Assert.Equal(200, status);
        JsonAssert.NoErrors(body);
        var slugs = body["data"]!["articles"]!["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>());
        Assert.Equal(
            ["fall-of-the-berlin-wall", "apollo-11-moon-landing", "battle-of-leyte-gulf", "gutenberg-bible-printed", "magna-carta-sealed", "eruption-of-vesuvius", "battle-of-marathon", "great-pyramid-of-giza"],
            slugs);
        Assert.Equal(8, body["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        Assert.False(body["data"]!["articles"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Paging_with_cursors_visits_every_article_once()
    {
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var (_, body) = await api.PostGraphQLAsync(
                "query($after: String) { articles(first: 3, after: $after) { edges { cursor node { slug sections { key } } } pageInfo { hasNextPage endCursor } } }",
                new { after });
            JsonAssert.NoErrors(body);
            var connection = body["data"]!["articles"]!;
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()));
            Assert.All(connection["edges"]!.AsArray(), e => Assert.NotEmpty(e!["node"]!["sections"]!.AsArray()));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(8, seen.Count);
        Assert.Equal(8, seen.Distinct().Count());
        Assert.Equal("great-pyramid-of-giza", seen[^1]);
    }

    [Theory]
    [InlineData("{ articles(first: 101) { edges { cursor } } }")]
    [InlineData("{ articles(first: -1) { edges { cursor } } }")]
    [InlineData("{ articles(after: \"not-a-cursor\") { edges { cursor } } }")]
    [InlineData("{ articles(after: \"YTE6MTIzOkJBRCBTTFVH\") { edges { cursor } } }")]
    public async Task Bad_paging_arguments_are_a_user_input_error(string query)
    {
        var (status, body) = await api.PostGraphQLAsync(query);

        Assert.Equal(200, status);
        Assert.Equal([ErrorCodes.BadUserInput], JsonAssert.ErrorCodes(body));
        Assert.Null(body["data"]!["articles"]);
    }

    private static ArticleContent PublishedContent(DemoArticle demo)
    {
        var first = demo.Versions[0];
        var content = first.ToChanges().ToNewContent();
        foreach (var change in demo.Versions.Skip(1).Take(demo.PublishedVersion!.Value - 1))
        {
            content = change.ToChanges().ApplyTo(content);
        }

        return content;
    }

    private static void AssertArticle(DemoArticle demo, ArticleContent expected, JsonNode article)
    {
        Assert.Equal(demo.Slug, article["slug"]!.GetValue<string>());
        Assert.Equal(expected.Title, article["title"]!.GetValue<string>());
        Assert.Equal(expected.Summary, article["summary"]!.GetValue<string>());

        var date = article["historicalDate"]!;
        Assert.Equal(expected.HistoricalDate.Start.Year, date["start"]!["year"]!.GetValue<int>());
        Assert.Equal(expected.HistoricalDate.Start.Month, date["start"]!["month"]?.GetValue<int>());
        Assert.Equal(expected.HistoricalDate.Start.Day, date["start"]!["day"]?.GetValue<int>());
        Assert.Equal(expected.HistoricalDate.End?.Day, date["end"]?["day"]?.GetValue<int>());
        Assert.Equal(expected.HistoricalDate.Precision.ToString().ToUpperInvariant(), date["precision"]!.GetValue<string>());
        Assert.Equal(expected.HistoricalDate.Label, date["label"]?.GetValue<string>());
        Assert.Equal(expected.HistoricalDate.Display, date["display"]!.GetValue<string>());

        Assert.Equal(
            expected.Places.Select(p => (p.Name, p.Country, p.Latitude, p.Longitude)),
            article["places"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["country"]?.GetValue<string>(), p["latitude"]?.GetValue<double>(), p["longitude"]?.GetValue<double>())));
        Assert.Equal(
            expected.Tags.Select(label => (TagSlug.From(label), label)),
            article["tags"]!.AsArray().Select(t => (t!["slug"]!.GetValue<string>(), t["label"]!.GetValue<string>())));
        Assert.Equal(expected.KeyFacts, JsonAssert.Strings(article["keyFacts"]));
        Assert.Equal(
            expected.Sections.Select((s, i) => (s.Key, s.Heading, s.Body, i)),
            article["sections"]!.AsArray().Select(s => (s!["key"]!.GetValue<string>(), s["heading"]!.GetValue<string>(), s["body"]!.GetValue<string>(), s["position"]!.GetValue<int>())));
        Assert.Equal(
            expected.Sources.Select(s => (s.Title, s.Url, s.Publisher, s.Note)),
            article["sources"]!.AsArray().Select(s => (s!["title"]!.GetValue<string>(), s["url"]?.GetValue<string>(), s["publisher"]?.GetValue<string>(), s["note"]?.GetValue<string>())));
        // Every demo article with coordinates shows the locator diagram the project draws for it, with alt text in words.
        var hero = Assert.Single(article["media"]!.AsArray())!;
        Assert.Equal("HERO", hero["role"]!.GetValue<string>());
        Assert.Equal(($"{demo.Slug}-locator.png", "image/png", 1200, 675, "CC0-1.0"), (hero["asset"]!["fileName"]!.GetValue<string>(), hero["asset"]!["contentType"]!.GetValue<string>(),
            hero["asset"]!["width"]!.GetValue<int>(), hero["asset"]!["height"]!.GetValue<int>(), hero["asset"]!["license"]!.GetValue<string>()));
        Assert.StartsWith($"Locator diagram for {demo.Versions[0].Title}: ", hero["asset"]!["altText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(expected.Places.First(p => p.Latitude is not null).Name, hero["asset"]!["altText"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(demo.PublishedVersion, article["version"]!["number"]!.GetValue<int>());
        Assert.Equal(demo.Versions[demo.PublishedVersion!.Value - 1].ChangeNote, article["version"]!["changeNote"]?.GetValue<string>());
        Assert.True(DateTime.TryParse(article["publishedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));
        Assert.True(GlobalId.TryDecode(article["version"]!["id"]!.GetValue<string>(), out var versionType, out _));
        Assert.Equal(ArticleVersionGraphType.TypeName, versionType);
    }
}
