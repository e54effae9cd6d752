namespace Cms.Model.Events;

/// <summary>
/// A change others must hear about (webhooks, subscriptions, caches), written to the outbox in the same transaction as the
/// change itself: a change that rolls back leaves no event, and one that commits keeps its event through any crash. It
/// names what changed (ids, slug, version numbers), who changed it and when, and never carries content, which a
/// receiver might not be allowed to read. <see cref="Sequence"/> is the order the changes were committed in.
/// </summary>
public sealed class ChangeEvent
{
    public const int MaxTypeLength = 64;
    public const int MaxActorLength = 200;

    private ChangeEvent()
    {
    }

    /// <summary>The outbox order: consumers read events after the last sequence they handled.</summary>
    public long Sequence { get; private set; }

    /// <summary>The event's own id, the same on every delivery of it (a webhook's <c>webhook-id</c>).</summary>
    public Guid Id { get; private set; }

    /// <summary>One of <see cref="ChangeEventTypes"/>, such as <c>article.published</c>.</summary>
    public string Type { get; private set; } = string.Empty;

    public DateTime OccurredAt { get; private set; }

    /// <summary>Who made the change: an API key's or a token's name, <c>scheduler</c> for a scheduled publication.</summary>
    public string Actor { get; private set; } = string.Empty;

    public Guid? ArticleId { get; private set; }

    public Guid? AssetId { get; private set; }

    /// <summary>The article's slug after the change.</summary>
    public string? Slug { get; private set; }

    /// <summary>The slug before a slug change.</summary>
    public string? PreviousSlug { get; private set; }

    /// <summary>The version the event is about: the one saved, published or scheduled, or the latest for the others.</summary>
    public int? Version { get; private set; }

    /// <summary>For <c>article.published</c> and <c>article.unpublished</c>: the version that was published before.</summary>
    public int? PreviousVersion { get; private set; }

    internal static ChangeEvent ForArticle(string type, Guid articleId, string slug, int? version, string actor, DateTime at, int? previousVersion = null, string? previousSlug = null)
    {
        var change = Create(type, actor, at);
        change.ArticleId = articleId;
        change.Slug = slug;
        change.Version = version;
        change.PreviousVersion = previousVersion;
        change.PreviousSlug = previousSlug;
        return change;
    }

    internal static ChangeEvent ForAsset(string type, Guid assetId, string actor, DateTime at)
    {
        var change = Create(type, actor, at);
        change.AssetId = assetId;
        return change;
    }

    private static ChangeEvent Create(string type, string actor, DateTime at)
    {
        if (!ChangeEventTypes.All.Contains(type))
        {
            throw new ArgumentException($"'{type}' is not an event type.", nameof(type));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(actor);

        // Version 7: ids that sort by time, so an index on them grows at its end.
        return new ChangeEvent { Id = Guid.CreateVersion7(at), Type = type, Actor = actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor, OccurredAt = at };
    }
}
