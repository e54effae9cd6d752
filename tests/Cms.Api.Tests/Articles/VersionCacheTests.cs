using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>
/// Versions never change, so a version read once is served from memory: with the response cache off, a repeated read by
/// slug runs one statement (the article's row), and a new or withdrawn publication still shows at once.
/// </summary>
public sealed class VersionCacheTests
{
    private const string Read = "{ article(slug: \"battle-of-marathon\") { title summary tags { slug label } keyFacts sections { key heading body } places { name } sources { title } } }";

    [Fact]
    public async Task A_repeated_read_by_slug_reads_only_the_article_row()
    {
        var sql = new SqlCommandLog();
        using var api = sql.AttachTo(new CmsApiFactory().WithSetting("GraphQL:ResponseCache:Enabled", "false"));
        using var client = api.CreateClient();

        var first = await GraphQLHttp.PostAsync(client, new { query = Read });
        var before = ContentStatements(sql);
        var second = await GraphQLHttp.PostAsync(client, new { query = Read });
        var statements = ContentStatements(sql).Skip(before.Count).ToList();

        Assert.Equal(first.Text, second.Text);
        var only = Assert.Single(statements);
        Assert.Contains("FROM \"Articles\"", only, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ArticleVersions\"", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_list_with_every_list_selected_reads_only_the_article_rows()
    {
        var sql = new SqlCommandLog();
        using var api = sql.AttachTo(new CmsApiFactory().WithSetting("GraphQL:ResponseCache:Enabled", "false"));
        using var client = api.CreateClient();
        const string list = "{ articles(first: 50) { edges { node { slug title tags { slug label } keyFacts sections { body } places { name } sources { title } media { role } } } } }";

        var first = await GraphQLHttp.PostAsync(client, new { query = list });
        var before = ContentStatements(sql);
        var second = await GraphQLHttp.PostAsync(client, new { query = list });
        var statements = ContentStatements(sql).Skip(before.Count).ToList();

        JsonAssert.NoErrors(first.Body!);
        Assert.True(first.Body!["data"]!["articles"]!["edges"]!.AsArray().Count > 5);
        Assert.Equal(first.Text, second.Text);
        var only = Assert.Single(statements);
        Assert.DoesNotContain("\"ArticleVersions\"", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_publication_and_an_unpublication_show_at_once()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:ResponseCache:Enabled", "false");
        using var reader = api.CreateClient();
        using var publisher = api.CreateClient();
        publisher.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Publisher));
        var before = await GraphQLHttp.PostAsync(reader, new { query = Read });
        var draft = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"battle-of-marathon\", stage: DRAFT) { id latestVersionNumber } }" })).Body!["data"]!["article"]!;
        var id = draft["id"]!.GetValue<string>();

        var saved = await GraphQLHttp.PostAsync(publisher, new
        {
            query = "mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { errors { __typename } } }",
            variables = new { input = new { id, expectedVersion = draft["latestVersionNumber"]!.GetValue<int>(), title = "Marathon, retold", keyFacts = new[] { "One new fact" } } },
        });
        var published = await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ publishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        var afterPublishing = await GraphQLHttp.PostAsync(reader, new { query = Read });
        await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ unpublishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        var afterUnpublishing = await GraphQLHttp.PostAsync(reader, new { query = Read });

        Assert.Empty(saved.Body!["data"]!["updateArticle"]!["errors"]!.AsArray());
        Assert.Empty(published.Body!["data"]!["publishArticle"]!["errors"]!.AsArray());
        Assert.Equal("Athens defeats the Persian landing at Marathon", before.Body!["data"]!["article"]!["title"]!.GetValue<string>());
        Assert.Equal("Marathon, retold", afterPublishing.Body!["data"]!["article"]!["title"]!.GetValue<string>());
        Assert.Equal(["One new fact"], afterPublishing.Body!["data"]!["article"]!["keyFacts"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Null(afterUnpublishing.Body!["data"]!["article"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public async Task Off_or_too_small_to_hold_a_version_every_read_goes_to_the_database_with_the_same_answer(string maxBytes)
    {
        var sql = new SqlCommandLog();
        using var cached = new CmsApiFactory().WithSetting("GraphQL:ResponseCache:Enabled", "false");
        using var uncached = sql.AttachTo(new CmsApiFactory()
            .WithSetting("GraphQL:ResponseCache:Enabled", "false")
            .WithSetting("Delivery:VersionCache:MaxBytes", maxBytes));
        using var cachedClient = cached.CreateClient();
        using var client = uncached.CreateClient();

        var expected = await GraphQLHttp.PostAsync(cachedClient, new { query = Read });
        await GraphQLHttp.PostAsync(client, new { query = Read });
        var before = ContentStatements(sql).Count;
        var second = await GraphQLHttp.PostAsync(client, new { query = Read });

        Assert.Equal(expected.Text, second.Text);
        Assert.Contains(ContentStatements(sql).Skip(before), s => s.Contains("\"ArticleVersions\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_size_stops_the_server_at_start_up()
    {
        using var api = new CmsApiFactory().WithSetting("Delivery:VersionCache:MaxBytes", "-1");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());
        Assert.Contains("Delivery:VersionCache:MaxBytes", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Statements that read content (the background polls for content changes and schedules do not count).</summary>
    private static List<string> ContentStatements(SqlCommandLog sql) =>
        [.. sql.Statements().Where(s => s.Contains("\"Articles\"", StringComparison.Ordinal) || s.Contains("\"ArticleVersions\"", StringComparison.Ordinal))];
}
