using System.Text.Json;
using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Events;
using Cms.Model.Webhooks;

namespace Cms.Api.Webhooks;

/// <summary>
/// A delivery's body, in the Standard Webhooks shape <c>{ type, timestamp, data }</c>. <c>data</c> names what changed with the
/// ids GraphQL uses (so a receiver can query <c>node(id:)</c> for the content it is allowed to read) and never carries the
/// content itself.
/// </summary>
public sealed class WebhookPayloads : IWebhookPayloadWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public string Write(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The tags of the cached answers the change made stale, as GET answers name them in their tag header: a CDN that
        // purges by tag purges exactly these.
        var purge = AnswerTags.StaleAfter(change) is { Count: > 0 } tags ? tags : null;
        var data = change.ArticleId is { } articleId
            ? new EventData(GlobalId.Encode(NodeTypeNames.Article, articleId), change.Actor, change.Slug, change.PreviousSlug, change.Version, change.PreviousVersion, purge)
            : new EventData(GlobalId.Encode(NodeTypeNames.MediaAsset, change.AssetId!.Value), change.Actor, null, null, null, null, purge);
        return JsonSerializer.Serialize(new Envelope(change.Type, change.OccurredAt, data), Json);
    }

    public string WriteTest(Guid subscriptionId, DateTime at) =>
        JsonSerializer.Serialize(new Envelope(WebhookEventTypes.Test, at, new TestData(GlobalId.Encode(WebhookGraphType.TypeName, subscriptionId), "A test delivery from sendTestWebhook.")), Json);

    private sealed record Envelope(string Type, DateTime Timestamp, object Data);

    private sealed record EventData(string Id, string Actor, string? Slug, string? PreviousSlug, int? Version, int? PreviousVersion, IReadOnlyList<string>? PurgeTags);

    private sealed record TestData(string WebhookId, string Message);
}
