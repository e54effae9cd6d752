using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>
/// A mutation's payload reads the article it wrote as a query would: not at all when <c>article</c> is not selected, and
/// with only the lists that are selected, in the same fixed number of statements.
/// </summary>
public sealed class MutationPayloadTests : IDisposable
{
    private readonly SqlCommandLog _sql = new();
    private readonly CmsApiFactory _api;

    // No background work (cache polls, schedules) whose statements would mix with the ones counted here.
    public MutationPayloadTests() => _api = _sql.AttachTo(new CmsApiFactory()
        .WithSetting("GraphQL:ResponseCache:Enabled", "false")
        .WithSetting("Scheduling:Enabled", "false"));

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task The_payload_loads_the_article_only_when_selected_and_only_the_selected_lists()
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _api.CreateApiKeyAsync(Role.Admin));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await GraphQLHttp.PostAsync(client, new
            {
                query = $$"""mutation { createArticle(input: { title: "Payload probe {{i}}", summary: "s", historicalDate: { start: { year: 1200 }, precision: YEAR }, sections: [{ heading: "What happened?", body: "b" }], tags: ["probe"] }) { article { id } } }""",
            });
            ids.Add(created.Body!["data"]!["createArticle"]!["article"]!["id"]!.GetValue<string>());
        }

        var noArticle = await PublishAsync(client, ids[0], "errors { __typename }");
        var titleOnly = await PublishAsync(client, ids[1], "article { title } errors { __typename }");
        var withLists = await PublishAsync(client, ids[2], "article { title sections { key } tags { slug } } errors { __typename }");

        // Publishing itself reads the version's sections once, for the search index; the payload adds only what it selects.
        var publishing = noArticle.ReadingSections;
        Assert.Equal((1, 0), (publishing, noArticle.ReadingTags));
        Assert.True(titleOnly.Total > noArticle.Total, $"{titleOnly.Total} statements with the article, {noArticle.Total} without.");
        Assert.Equal((publishing, 0), (titleOnly.ReadingSections, titleOnly.ReadingTags));
        Assert.True((publishing + 1, 1) == (withLists.ReadingSections, withLists.ReadingTags), string.Join("\n---\n", Commands().TakeLast(withLists.Total)));
        Assert.Equal(titleOnly.Total + 2, withLists.Total);
    }

    private async Task<(int Total, int ReadingSections, int ReadingTags)> PublishAsync(HttpClient client, string id, string selection)
    {
        var before = Commands().Count;
        var response = await GraphQLHttp.PostAsync(client, new { query = $$"""mutation { publishArticle(input: { id: "{{id}}" }) { {{selection}} } }""" });
        JsonAssert.NoErrors(response.Body!);
        Assert.Empty(response.Body!["data"]!["publishArticle"]!["errors"]!.AsArray());
        var commands = Commands().Skip(before).ToList();
        return (commands.Count, commands.Count(c => c.Contains("\"VersionSections\"", StringComparison.Ordinal)), commands.Count(c => c.Contains("\"VersionTags\"", StringComparison.Ordinal)));
    }

    private List<string> Commands() => _sql.Statements();
}
