using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Editing;
using Cms.Model.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Articles;

/// <summary>
/// No N+1: fifty published articles with every list, read through several query shapes, each by a freshly started app
/// (cold caches, response cache off), run at most six SQL statements, and section bodies are read only when selected.
/// </summary>
public sealed class StatementCountTests : IClassFixture<StatementCountTests.FiftyArticles>
{
    private const int MaxStatements = 6;
    private const string AllLists = "slug title summary historicalDate { display } places { name latitude } tags { slug label } keyFacts sections { heading body bodyHtml } sources { title url } media { assetId role }";
    private readonly FiftyArticles _data;

    public StatementCountTests(FiftyArticles data) => _data = data;

    [Fact]
    public async Task A_page_of_fifty_with_every_list()
    {
        var (body, statements) = await RunColdAsync($"{{ articles(first: 50) {{ nodes {{ {AllLists} }} totalCount }} }}");

        Assert.Equal(50, body["data"]!["articles"]!["nodes"]!.AsArray().Count);
        Assert.All(body["data"]!["articles"]!["nodes"]!.AsArray(), a => Assert.Equal(3, a!["sections"]!.AsArray().Count));
        AssertAtMost(statements, MaxStatements + 1); // totalCount is one more statement, and only when selected
    }

    [Fact]
    public async Task Fragments_and_aliases_over_edges_and_nodes()
    {
        var (body, statements) = await RunColdAsync($$"""
            query { first: articles(first: 50) { ...Page } again: articles(first: 50) { nodes { ...Lists } } }
            fragment Page on ArticlesConnection { edges { cursor node { ... on Article { ...Lists } } } }
            fragment Lists on Article { {{AllLists}} }
            """);

        Assert.Equal(50, body["data"]!["first"]!["edges"]!.AsArray().Count);
        Assert.Equal(50, body["data"]!["again"]!["nodes"]!.AsArray().Count);

        // Two lists in one request: the second finds every version in memory and reads only its page.
        AssertAtMost(statements, MaxStatements);
    }

    [Fact]
    public async Task Nodes_with_fifty_article_and_version_ids()
    {
        var ids = _data.ArticleIds.Take(25).Concat(_data.VersionIds.Skip(25).Take(25)).ToArray();
        var (body, statements) = await RunColdAsync(
            $"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename id ... on Article {{ {AllLists} }} ... on ArticleVersion {{ number createdAt changeNote }} }} }}",
            new { ids });

        Assert.Equal(50, body["data"]!["nodes"]!.AsArray().Count(n => n is not null));
        AssertAtMost(statements, MaxStatements);
    }

    [Fact]
    public async Task Search_results_with_every_list_and_snippets()
    {
        var (body, statements) = await RunColdAsync($"{{ search(text: \"quokka\", first: 50) {{ nodes {{ snippet article {{ {AllLists} }} }} }} }}");

        Assert.Equal(50, body["data"]!["search"]!["nodes"]!.AsArray().Count);
        AssertAtMost(statements, MaxStatements);
    }

    [Fact]
    public async Task Section_bodies_are_read_only_when_selected()
    {
        var (_, without) = await RunColdAsync("{ articles(first: 50) { nodes { slug tags { slug } places { name } keyFacts sources { title } } } }");
        var (_, with) = await RunColdAsync("{ articles(first: 50) { nodes { slug sections { heading } } } }");

        Assert.DoesNotContain(without, s => s.Contains("\"VersionSections\"", StringComparison.Ordinal));
        Assert.Contains(with, s => s.Contains("\"VersionSections\"", StringComparison.Ordinal));
        AssertAtMost(without, MaxStatements);
        AssertAtMost(with, MaxStatements);
    }

    [Fact]
    public async Task The_images_of_fifty_articles_are_read_together_in_one_statement()
    {
        var (_, without) = await RunColdAsync("{ articles(first: 50) { nodes { slug media { assetId } } } }");
        var (body, with) = await RunColdAsync("{ articles(first: 50) { nodes { slug media { assetId asset { altText caption url(width: 640) srcSet } } } } }");

        var quokkas = body["data"]!["articles"]!["nodes"]!.AsArray().Where(a => a!["slug"]!.GetValue<string>().StartsWith("quokka", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(quokkas);
        Assert.All(quokkas, a => Assert.Equal(("A quokka smiling", "A quokka"), (a!["media"]![0]!["asset"]!["altText"]!.GetValue<string>(), a["media"]![0]!["asset"]!["caption"]!.GetValue<string>())));
        Assert.Equal(without.Count + 1, with.Count);
        Assert.Single(with, s => s.Contains("FROM \"MediaAssets\"", StringComparison.Ordinal));
    }

    private static void AssertAtMost(List<string> statements, int most) =>
        Assert.True(statements.Count <= most, $"{statements.Count} statements:\n{string.Join("\n---\n", statements)}");

    /// <summary>Runs one request on a freshly started app over the shared database and returns the statements it ran.</summary>
    private async Task<(JsonNode Body, List<string> Statements)> RunColdAsync(string query, object? variables = null)
    {
        var sql = new SqlCommandLog();
        using var api = sql.AttachTo(FiftyArticles.Restart(_data.DatabasePath));
        using var client = api.CreateClient();
        await GraphQLHttp.PostAsync(client, new { query = "{ __typename }" });
        var before = sql.Statements().Count;
        var response = await GraphQLHttp.PostAsync(client, new { query, variables });
        var statements = sql.Statements().Skip(before).ToList();
        JsonAssert.NoErrors(response.Body!);
        return (response.Body!, statements);
    }

    /// <summary>A database with fifty published articles (beside the demo content), each with every list filled.</summary>
    public sealed class FiftyArticles : IAsyncLifetime
    {
        private readonly CmsApiFactory _seeder = new CmsApiFactory { DeleteDatabaseOnDispose = false }.WithSetting("Database:SeedDemoContent", "false");

        public string DatabasePath => _seeder.DatabasePath;

        public List<string> ArticleIds { get; } = [];

        public List<string> VersionIds { get; } = [];

        public static CmsApiFactory Restart(string databasePath)
        {
            var api = CmsApiFactory.OnDatabase(databasePath);
            api.DeleteDatabaseOnDispose = false;
            return api.WithSetting("Database:SeedDemoContent", "false")
                .WithSetting("GraphQL:ResponseCache:Enabled", "false")
                .WithSetting("Scheduling:Enabled", "false");
        }

        public async Task InitializeAsync()
        {
            using (var scope = _seeder.Services.CreateScope())
            {
                var editor = scope.ServiceProvider.GetRequiredService<ArticleEditor>();
                var hero = (await scope.ServiceProvider.GetRequiredService<MediaLibrary>().CreateAsync(
                    new StoredFile("originals/quokka", "quokka.jpg", MediaKind.Jpeg, "image/jpeg", 1234, new string('a', 64), new PixelSize(800, 600)),
                    new MediaMetadata(AltText: "A quokka smiling"), "seed@example.org")).Value!;
                for (var i = 0; i < 50; i++)
                {
                    var content = new ArticleContent(
                        $"Quokka census {i}",
                        $"Counting quokkas, year {1900 + i}.",
                        HistoricalDate.InYear(1900 + i),
                        [new Place("Rottnest Island", "Australia", -32.0, 115.5), new Place("Perth", "Australia")],
                        ["Quokkas", $"Census {i}"],
                        ["A fact", "Another fact"],
                        [new Section("a", "What happened?", "Counted."), new Section("b", "Why?", "Because."), new Section("c", "Then?", "More.")],
                        [new Source("Field notes", "https://example.org/notes")],
                        [new MediaReference(hero.Id, MediaRole.Hero, "A quokka")]);
                    var article = (await editor.CreateAsync($"quokka-census-{i}", content, "seed@example.org")).Value!;
                    await editor.PublishAsync(article.Id, null, "seed@example.org");
                }
            }

            using var client = _seeder.CreateClient();
            var nodes = (await GraphQLHttp.PostAsync(client, new { query = "{ articles(first: 100, where: { tags: { some: { slug: { eq: \"quokkas\" } } } }) { nodes { id version { id } } } }" })).Body!["data"]!["articles"]!["nodes"]!.AsArray();
            ArticleIds.AddRange(nodes.Select(n => n!["id"]!.GetValue<string>()));
            VersionIds.AddRange(nodes.Select(n => n!["version"]!["id"]!.GetValue<string>()));
        }

        public Task DisposeAsync()
        {
            _seeder.Dispose();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }

            return Task.CompletedTask;
        }
    }
}
