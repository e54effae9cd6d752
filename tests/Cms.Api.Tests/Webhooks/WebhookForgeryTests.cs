using System.Net;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Webhooks;

/// <summary>
/// Server-side request forgery: receivers on this machine, its network or the cloud's metadata service are refused when
/// the webhook is saved and again when a name resolves to them at delivery time; redirects are never followed.
/// </summary>
[Collection(WebhookReceiverTests.Name)]
public sealed class WebhookForgeryTests(WebhookReceiverFixture receiver)
{
    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.1.2.3:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.8/hook")]
    [InlineData("http://172.20.1.1/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/hook")]
    [InlineData("http://[fd00:ec2::254]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[64:ff9b::a00:1]/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://0177.0.0.1/hook")]
    [InlineData("http://0x7f.0.0.1/hook")]
    [InlineData("http://017700000001/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://168.63.129.16/hook")]
    public async Task A_receiver_on_a_local_private_or_metadata_address_is_refused_when_saved(string url)
    {
        using var api = new WebhookApi(allowLoopback: false);
        var data = await api.GraphQLAsync($$"""mutation { createWebhook(input: { url: "{{url}}", events: [ARTICLE_PUBLISHED] }) { webhook { id } secret errors { code message } } }""");
        var payload = data["createWebhook"]!;
        Assert.Null(payload["webhook"]);
        Assert.Null(payload["secret"]);
        Assert.Equal("URL_NOT_ALLOWED", payload["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(0, (await api.GraphQLAsync("{ webhooks { totalCount } }"))["webhooks"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Http_is_refused_in_production_and_other_schemes_everywhere()
    {
        using var production = new WebhookApi(new CmsApiFactory().WithEnvironment("Production"), allowLoopback: false);
        var http = await production.GraphQLAsync("""mutation { createWebhook(input: { url: "http://hooks.example.com/in", events: [ARTICLE_PUBLISHED] }) { errors { code message } } }""");
        Assert.Equal("URL_NOT_ALLOWED", http["createWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("https", http["createWebhook"]!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var https = await production.GraphQLAsync("""mutation { createWebhook(input: { url: "https://hooks.example.com/in", events: [ARTICLE_PUBLISHED] }) { webhook { url } errors { code } } }""");
        Assert.Equal("https://hooks.example.com/in", https["createWebhook"]!["webhook"]!["url"]!.GetValue<string>());

        var ftp = await production.GraphQLAsync("""mutation { createWebhook(input: { url: "ftp://hooks.example.com/in", events: [ARTICLE_PUBLISHED] }) { errors { code } } }""");
        Assert.Equal("INVALID_FORMAT", ftp["createWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
        var credentials = await production.GraphQLAsync("""mutation { createWebhook(input: { url: "https://user:pass@hooks.example.com/in", events: [ARTICLE_PUBLISHED] }) { errors { code } } }""");
        Assert.Equal("INVALID_FORMAT", credentials["createWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
        var none = await production.GraphQLAsync("""mutation { createWebhook(input: { url: "https://hooks.example.com/in", events: [] }) { errors { code } } }""");
        Assert.Equal("REQUIRED", none["createWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_at_delivery_time_is_refused_and_never_retried()
    {
        var resolver = new FixedResolver(new Dictionary<string, IPAddress[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["rebinding.example"] = [IPAddress.Loopback],
            ["mixed.example"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("::ffff:127.0.0.1")],
        });
        using var api = new WebhookApi(new CmsApiFactory().WithServices(s => s.AddSingleton<IWebhookHostResolver>(resolver)), allowLoopback: false);
        var route = $"rebind-{Guid.NewGuid():N}";
        var (rebinding, secret) = await api.CreateWebhookAsync($"http://rebinding.example:{receiver.Receiver.Port}/{route}", "ARTICLE_CREATED");
        var (mixed, _) = await api.CreateWebhookAsync($"http://mixed.example:{receiver.Receiver.Port}/{route}", "ARTICLE_CREATED");
        await receiver.Receiver.ConfigureAsync(route, [secret]);

        await api.CreateArticleAsync("Rebinding");

        foreach (var (webhookId, address) in new[] { (rebinding, "127.0.0.1"), (mixed, "::ffff:127.0.0.1") })
        {
            var failed = await WaitForFailedAsync(api, webhookId);
            Assert.Equal(1, failed["attemptCount"]!.GetValue<int>());
            Assert.Contains($"resolves to {address}", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(await receiver.Receiver.ReceivedAsync(route));
        Assert.Contains("rebinding.example", resolver.Asked);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var target = await WebhookReceiver.StartAsync();
        using var api = new WebhookApi();
        var route = $"redirect-{Guid.NewGuid():N}";
        var (webhookId, secret) = await api.CreateWebhookAsync(receiver.Receiver.UrlOf(route), "ARTICLE_CREATED");
        await receiver.Receiver.ConfigureAsync(route, [secret], [new { status = 307, location = target.UrlOf(route) }]);

        await api.CreateArticleAsync("Redirected");

        var failed = await WaitForFailedAsync(api, webhookId);
        Assert.Equal(307, failed["lastStatusCode"]!.GetValue<int>());
        Assert.Contains("redirects are not followed", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await receiver.Receiver.ReceivedAsync(route));
        Assert.Empty(await target.ReceivedAsync(route));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForFailedAsync(WebhookApi api, string webhookId)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await api.DeliveriesAsync(webhookId, "FAILED")).FirstOrDefault() is { } failed)
            {
                return failed;
            }

            Assert.True(DateTime.UtcNow < until, (await api.DeliveriesAsync(webhookId)).ToJsonString());
            await Task.Delay(100);
        }
    }

    private sealed class FixedResolver(IReadOnlyDictionary<string, IPAddress[]> answers) : IWebhookHostResolver
    {
        public List<string> Asked { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(host);
            }

            return Task.FromResult(answers.TryGetValue(host, out var addresses) ? addresses : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
        }
    }
}
