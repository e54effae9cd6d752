namespace Cms.Model.Articles;

/// <summary>
/// A change to what delivery answers (a publish, an unpublish, a new slug), written in the same transaction as the change.
/// The highest id is the version of published content: every instance compares it with the one its response cache was
/// filled at, so no instance serves a published answer that a change on another instance made stale.
/// </summary>
public sealed class ContentChange
{
    private ContentChange()
    {
    }

    public long Id { get; private set; }

    public Guid ArticleId { get; private set; }

    public ContentChangeKind Kind { get; private set; }

    public DateTime At { get; private set; }

    internal static ContentChange Create(Guid articleId, ContentChangeKind kind, DateTime at) => new() { ArticleId = articleId, Kind = kind, At = at };
}
