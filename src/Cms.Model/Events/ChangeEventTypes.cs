namespace Cms.Model.Events;

/// <summary>The events the outbox records, named as receivers see them (<c>type</c> in a webhook's body).</summary>
public static class ChangeEventTypes
{
    /// <summary>An article was made, with its version 1 (a draft).</summary>
    public const string ArticleCreated = "article.created";

    /// <summary>A version was saved (an edit or a restore): <c>version</c> is the new one.</summary>
    public const string ArticleUpdated = "article.updated";

    /// <summary>A version became the one readers see: <c>version</c>; <c>previousVersion</c> was published before, if any.</summary>
    public const string ArticlePublished = "article.published";

    /// <summary>The article left delivery (unpublished, or archived or deleted while published): <c>previousVersion</c> was published.</summary>
    public const string ArticleUnpublished = "article.unpublished";

    /// <summary>A version is to be published later: <c>version</c>.</summary>
    public const string ArticleScheduled = "article.scheduled";

    /// <summary>The pending scheduled publication was cancelled.</summary>
    public const string ArticleScheduleCancelled = "article.schedule_cancelled";

    /// <summary>The article's slug changed from <c>previousSlug</c> to <c>slug</c>; the old one answers as a redirect.</summary>
    public const string ArticleSlugChanged = "article.slug_changed";

    /// <summary>The article was withdrawn from editing and delivery; its history stays.</summary>
    public const string ArticleArchived = "article.archived";

    /// <summary>The article was deleted (softly, or purged for good).</summary>
    public const string ArticleDeleted = "article.deleted";

    /// <summary>A media asset was made (an upload, or a direct upload completed).</summary>
    public const string MediaCreated = "media.created";

    /// <summary>An asset's metadata changed (alt text, caption, credit, license, focal point, tags).</summary>
    public const string MediaUpdated = "media.updated";

    /// <summary>An asset was deleted.</summary>
    public const string MediaDeleted = "media.deleted";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ArticleCreated, ArticleUpdated, ArticlePublished, ArticleUnpublished, ArticleScheduled, ArticleScheduleCancelled,
        ArticleSlugChanged, ArticleArchived, ArticleDeleted, MediaCreated, MediaUpdated, MediaDeleted,
    };
}
