using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Presence;

/// <summary>reportArticlePresence and leaveArticle through HTTP: editors see each other, leaving is seen at once, roles hold.</summary>
public sealed class PresenceTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const string Report = "mutation($id: ID!, $session: String!) { reportArticlePresence(input: { id: $id, sessionId: $session }) { others { actor openedAt seenAt } reportEverySeconds errors { __typename ... on NotFoundError { message } ... on ValidationError { field } } } }";
    private const string Leave = "mutation($id: ID!, $session: String!) { leaveArticle(input: { id: $id, sessionId: $session }) { sessionId errors { __typename } } }";

    [Fact]
    public async Task Two_editors_of_one_article_see_each_other_and_one_leaving_is_seen_by_the_other_at_once()
    {
        var id = await ArticleIdAsync("magna-carta-sealed");
        using var ada = await ClientAsync(Role.Editor, "presence-ada");
        using var ben = await ClientAsync(Role.Publisher, "presence-ben");

        var alone = await ReportAsync(ada, id, "tab-ada");
        var benSees = await ReportAsync(ben, id, "tab-ben");
        var adaSees = await ReportAsync(ada, id, "tab-ada");
        var left = await GraphQLHttp.PostAsync(ben, new { query = Leave, variables = new { id, session = "tab-ben" } });
        var afterLeaving = await ReportAsync(ada, id, "tab-ada");

        Assert.Empty(alone["others"]!.AsArray());
        Assert.Equal(15, alone["reportEverySeconds"]!.GetValue<int>());
        Assert.Equal(["api-key:presence-ada"], benSees["others"]!.AsArray().Select(o => o!["actor"]!.GetValue<string>()));
        Assert.Equal(["api-key:presence-ben"], adaSees["others"]!.AsArray().Select(o => o!["actor"]!.GetValue<string>()));
        Assert.Equal("tab-ben", left.Body!["data"]!["leaveArticle"]!["sessionId"]!.GetValue<string>());
        Assert.Empty(afterLeaving["others"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_article_or_session_id_is_a_typed_error_and_viewers_and_readers_may_not_report()
    {
        var id = await ArticleIdAsync("magna-carta-sealed");
        using var editor = await ClientAsync(Role.Editor, "presence-editor");
        using var viewer = await ClientAsync(Role.Viewer, "presence-viewer");

        var unknown = await GraphQLHttp.PostAsync(editor, new { query = Report, variables = new { id = "QXJ0aWNsZTpub3RoaW5n", session = "tab" } });
        var badSession = await GraphQLHttp.PostAsync(editor, new { query = Report, variables = new { id, session = new string('x', 65) } });
        var asViewer = await GraphQLHttp.PostAsync(viewer, new { query = Report, variables = new { id, session = "tab" } });
        var anonymous = await GraphQLHttp.PostAsync(api.CreateClient(), new { query = Report, variables = new { id, session = "tab" } });

        Assert.Equal("NotFoundError", unknown.Body!["data"]!["reportArticlePresence"]!["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("sessionId", badSession.Body!["data"]!["reportArticlePresence"]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(["FORBIDDEN"], asViewer.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> ReportAsync(HttpClient client, string id, string session)
    {
        var response = await GraphQLHttp.PostAsync(client, new { query = Report, variables = new { id, session } });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        var payload = response.Body!["data"]!["reportArticlePresence"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload;
    }

    private async Task<string> ArticleIdAsync(string slug)
    {
        var response = await GraphQLHttp.PostAsync(api.CreateClient(), new { query = $"{{ article(slug: \"{slug}\") {{ id }} }}" });
        return response.Body!["data"]!["article"]!["id"]!.GetValue<string>();
    }

    private async Task<HttpClient> ClientAsync(Role role, string name)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(role, name));
        return client;
    }
}
