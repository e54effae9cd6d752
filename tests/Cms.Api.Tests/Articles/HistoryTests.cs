using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>History, comparison and what was public at a moment, on the demo content.</summary>
public sealed class HistoryTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task Versions_list_newest_first_with_authors_notes_and_whether_each_was_published()
    {
        using var client = await ViewerAsync();

        var response = await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-leyte-gulf\") { versions(first: 2) { totalCount edges { node { number author changeNote everPublished } } pageInfo { hasNextPage endCursor } } } }" });
        var versions = response.Body!["data"]!["article"]!["versions"]!;
        var next = await GraphQLHttp.PostAsync(client, new { query = $"{{ article(slug: \"battle-of-leyte-gulf\") {{ versions(first: 2, after: \"{versions["pageInfo"]!["endCursor"]}\") {{ edges {{ node {{ number }} }} pageInfo {{ hasNextPage }} }} }} }}" });

        Assert.Equal(3, versions["totalCount"]!.GetValue<int>());
        Assert.Equal([(3, false), (2, true)], versions["edges"]!.AsArray().Select(e => (e!["node"]!["number"]!.GetValue<int>(), e["node"]!["everPublished"]!.GetValue<bool>())));
        Assert.Equal("Draft: adding Australian participation and a second source", versions["edges"]![0]!["node"]!["changeNote"]!.GetValue<string>());
        Assert.True(versions["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal("""{"edges":[{"node":{"number":1}}],"pageInfo":{"hasNextPage":false}}""", next.Body!["data"]!["article"]!["versions"]!.ToJsonString());
    }

    [Fact]
    public async Task History_needs_the_viewer_role()
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-leyte-gulf\") { versions { totalCount } } }" });

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.ErrorCodes.Single()));
    }

    [Fact]
    public async Task Two_versions_compare_with_added_facts_and_changed_sections()
    {
        using var client = await ViewerAsync();
        var id = (await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-marathon\") { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();

        var response = await GraphQLHttp.PostAsync(client, new
        {
            query = "query($id: ID!) { compareArticleVersions(id: $id, from: 1, to: 2) { fields { field } keyFacts { added removed } sections { key added moved bodyChanged bodyDiff { kind text } } } }",
            variables = new { id },
        });

        var comparison = response.Body!["data"]!["compareArticleVersions"]!;
        Assert.Empty(comparison["fields"]!.AsArray());
        Assert.Equal(["Herodotus counts 6,400 Persian dead and 192 Athenian dead"], JsonAssert.Strings(comparison["keyFacts"]!["added"]));
        var sections = comparison["sections"]!.AsArray().ToDictionary(s => s!["key"]!.GetValue<string>());
        Assert.True(sections["the-runner"]!["added"]!.GetValue<bool>());
        Assert.True(sections["why-it-matters"]!["bodyChanged"]!.GetValue<bool>());
        Assert.Contains(sections["why-it-matters"]!["bodyDiff"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "INSERTED" && s["text"]!.GetValue<string>().Contains("Soros", StringComparison.Ordinal));
        Assert.False(sections.ContainsKey("what-happened"));
    }

    [Fact]
    public async Task AsOf_answers_the_version_that_was_public_at_that_moment()
    {
        using var api2 = new CmsApiFactory();
        using var publisher = api2.CreateClient();
        publisher.DefaultRequestHeaders.Add("X-Api-Key", await api2.CreateApiKeyAsync(Role.Publisher));
        var id = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"battle-of-marathon\") { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();
        var beforeChange = DateTime.UtcNow;
        await Task.Delay(20);
        await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ publishArticle(input: {{ id: \"{id}\", version: 1 }}) {{ errors {{ __typename }} }} }}" });
        var afterChange = DateTime.UtcNow;
        await Task.Delay(20);
        await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ unpublishArticle(input: {{ id: \"{id}\" }}) {{ errors {{ __typename }} }} }}" });
        using var anonymous = api2.CreateClient();

        async Task<string> AsOf(DateTime moment) =>
            (await GraphQLHttp.PostAsync(anonymous, new { query = "query($at: DateTime!) { article(slug: \"battle-of-marathon\", asOf: $at) { version { number } } }", variables = new { at = moment.ToString("O") } })).Body!["data"]!["article"]?.ToJsonString() ?? "null";

        Assert.Equal("""{"version":{"number":2}}""", await AsOf(beforeChange));
        Assert.Equal("""{"version":{"number":1}}""", await AsOf(afterChange));
        Assert.Equal("null", await AsOf(DateTime.UtcNow));
        Assert.Equal("null", await AsOf(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    private async Task<HttpClient> ViewerAsync()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Viewer));
        return client;
    }
}
