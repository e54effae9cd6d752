using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Webhooks;

/// <summary>An app with fast webhook settings (loopback receivers allowed) and an admin client for it.</summary>
public sealed class WebhookApi : IDisposable
{
    public const string ArticleInput = """
        { title: "TITLE", summary: "A lead summary.",
          historicalDate: { start: { year: 1429, month: 5, day: 8 }, precision: DAY },
          sections: [{ heading: "What happened?", body: "The English withdrew." }], changeNote: "First draft" }
        """;

    private HttpClient? _admin;

    public WebhookApi(CmsApiFactory? factory = null, bool allowLoopback = true)
    {
        Factory = (factory ?? new CmsApiFactory())
            .WithSetting("Webhooks:PollInterval", "00:00:00.050")
            .WithSetting("Webhooks:FirstRetryDelay", "00:00:00.200")
            .WithSetting("Webhooks:MaxRetryDelay", "00:00:00.400")
            // Long enough that an answer the receiver gives at once never times out on a loaded 2-core CI machine.
            .WithSetting("Webhooks:Timeout", "00:00:03")
            .WithSetting("RateLimits:MutationsPerMinute", "0");
        if (allowLoopback)
        {
            Factory.WithSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
        }
    }

    public CmsApiFactory Factory { get; }

    public async Task<HttpClient> AdminAsync()
    {
        if (_admin is null)
        {
            _admin = Factory.CreateClient();
            _admin.DefaultRequestHeaders.Add("X-Api-Key", await Factory.CreateApiKeyAsync(Role.Admin));
        }

        return _admin;
    }

    /// <summary>Runs a query or mutation as admin; fails the test on any GraphQL error.</summary>
    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null)
    {
        var response = await GraphQLHttp.PostAsync(await AdminAsync(), new { query, variables });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]!;
    }

    /// <summary>Runs a mutation in the convention and returns its payload, asserting it had no errors.</summary>
    public async Task<JsonNode> MutateAsync(string mutation, string input, string selection)
    {
        var payload = (await GraphQLAsync($"mutation {{ {mutation}(input: {input}) {{ {selection} errors {{ __typename ... on UserError {{ code message }} }} }} }}"))[mutation]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    /// <summary>Creates a webhook for the events (enum names) and returns its global id and secret.</summary>
    public async Task<(string Id, string Secret)> CreateWebhookAsync(string url, params string[] events)
    {
        var payload = await MutateAsync("createWebhook", $$"""{ url: "{{url}}", events: [{{string.Join(", ", events)}}], description: "test receiver" }""", "webhook { id } secret");
        return (payload["webhook"]!["id"]!.GetValue<string>(), payload["secret"]!.GetValue<string>());
    }

    public async Task<string> CreateArticleAsync(string title)
    {
        var payload = await MutateAsync("createArticle", ArticleInput.Replace("TITLE", title, StringComparison.Ordinal), "article { id }");
        return payload["article"]!["id"]!.GetValue<string>();
    }

    public Task<JsonNode> PublishAsync(string articleId) => MutateAsync("publishArticle", $$"""{ id: "{{articleId}}" }""", "article { id }");

    public Task<JsonNode> UpdateAsync(string articleId, int expectedVersion, string title) =>
        MutateAsync("updateArticle", $$"""{ id: "{{articleId}}", expectedVersion: {{expectedVersion}}, title: "{{title}}" }""", "article { id }");

    /// <summary>The webhook's deliveries, newest first, with their attempts.</summary>
    public async Task<JsonArray> DeliveriesAsync(string webhookId, string? status = null)
    {
        var filter = status is null ? string.Empty : $", status: {status}";
        var data = await GraphQLAsync($$"""
            query($id: ID!) { webhook(id: $id) { deliveries(first: 50{{filter}}) { nodes {
              id messageId eventType status attemptCount lastStatusCode lastError attempts { number statusCode latencyMs responseStart error } } } } }
            """, new { id = webhookId });
        return data["webhook"]!["deliveries"]!["nodes"]!.AsArray();
    }

    public void Dispose()
    {
        _admin?.Dispose();
        Factory.Dispose();
    }
}
