using System.Text;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>Relay's node(id:) and nodes(ids:): every Node found again by its global id, with the same access as its own fields.</summary>
public sealed class NodeTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task An_article_and_its_published_version_are_found_by_their_ids()
    {
        using var client = api.CreateClient();
        var article = (await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-marathon\") { id version { id number } } }" })).Body!["data"]!["article"]!;
        var articleId = article["id"]!.GetValue<string>();
        var versionId = article["version"]!["id"]!.GetValue<string>();

        var body = (await GraphQLHttp.PostAsync(client, new
        {
            query = "query($a: ID!, $ids: [ID!]!) { node(id: $a) { __typename id ... on Article { slug } } nodes(ids: $ids) { __typename id ... on ArticleVersion { number } } }",
            variables = new { a = articleId, ids = new[] { versionId, articleId, "not-an-id", Encode("Unknown", Guid.NewGuid()) } },
        })).Body!;

        JsonAssert.NoErrors(body);
        Assert.Equal("Article", body["data"]!["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal("battle-of-marathon", body["data"]!["node"]!["slug"]!.GetValue<string>());
        Assert.Equal(articleId, body["data"]!["node"]!["id"]!.GetValue<string>());
        var nodes = body["data"]!["nodes"]!.AsArray();
        Assert.Equal(["ArticleVersion", "Article"], nodes.Take(2).Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal(article["version"]!["number"]!.GetValue<int>(), nodes[0]!["number"]!.GetValue<int>());
        Assert.Null(nodes[2]);
        Assert.Null(nodes[3]);
    }

    [Fact]
    public async Task Unpublished_content_follows_the_rules_of_article()
    {
        using var viewer = api.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Viewer));
        using var anonymous = api.CreateClient();
        var draft = (await GraphQLHttp.PostAsync(viewer, new { query = "{ article(slug: \"peace-of-westphalia\", stage: DRAFT) { id version { id } } }" })).Body!["data"]!["article"]!;
        var query = new
        {
            query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            variables = new { ids = new[] { draft["id"]!.GetValue<string>(), draft["version"]!["id"]!.GetValue<string>() } },
        };

        var asAnonymous = (await GraphQLHttp.PostAsync(anonymous, query)).Body!;
        var asViewer = (await GraphQLHttp.PostAsync(viewer, query)).Body!;

        Assert.Equal([null, null], asAnonymous["data"]!["nodes"]!.AsArray().Select(n => n?["id"]?.GetValue<string>()));
        Assert.Null(asViewer["data"]!["nodes"]![0]);
        Assert.Equal(draft["version"]!["id"]!.GetValue<string>(), asViewer["data"]!["nodes"]![1]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_fifty_ids_are_refused_with_the_maximum()
    {
        using var client = api.CreateClient();
        var ids = Enumerable.Range(0, 51).Select(_ => Encode("Article", Guid.NewGuid())).ToArray();

        var body = (await GraphQLHttp.PostAsync(client, new { query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables = new { ids } })).Body!;

        Assert.Equal(["BAD_USER_INPUT"], JsonAssert.ErrorCodes(body));
        Assert.Equal(50, body["errors"]![0]!["extensions"]!["maxAllowedItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fifty_ids_are_read_in_one_statement_per_type()
    {
        var sql = new SqlCommandLog();
        using var logged = sql.AttachTo(new CmsApiFactory().WithSetting("GraphQL:ResponseCache:Enabled", "false").WithSetting("Scheduling:Enabled", "false"));
        using var client = logged.CreateClient();
        var list = (await GraphQLHttp.PostAsync(client, new { query = "{ articles(first: 50) { nodes { id version { id } } } }" })).Body!["data"]!["articles"]!["nodes"]!.AsArray();
        var articleIds = list.Select(n => n!["id"]!.GetValue<string>()).ToList();
        var versionIds = list.Select(n => n!["version"]!["id"]!.GetValue<string>()).ToList();
        var ids = articleIds.Concat(versionIds).Concat(Enumerable.Range(0, 50).Select(_ => Encode("Article", Guid.NewGuid()))).Take(50).ToArray();
        const string query = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Article { title sections { heading } tags { slug } } } }";

        var first = (await GraphQLHttp.PostAsync(client, new { query, variables = new { ids } })).Body!;
        var before = sql.Statements().Count;
        var second = (await GraphQLHttp.PostAsync(client, new { query, variables = new { ids } })).Body!;
        var statements = sql.Statements().Skip(before).ToList();

        JsonAssert.NoErrors(second);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(articleIds.Count, second["data"]!["nodes"]!.AsArray().Count(n => n?["__typename"]?.GetValue<string>() == "Article"));
        Assert.Equal(versionIds.Count, second["data"]!["nodes"]!.AsArray().Count(n => n?["__typename"]?.GetValue<string>() == "ArticleVersion"));
        Assert.True(statements.Count <= 8, $"{statements.Count} statements:\n{string.Join("\n---\n", statements)}");
    }

    private static string Encode(string type, Guid key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key:N}"));
}
