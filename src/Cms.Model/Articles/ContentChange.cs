namespace Cms.Model.Articles;

/// <summary>
/// A change to what delivery answers (a publish, an unpublish, a new slug), written in the same transaction as the change:
/// the history of what delivery answered. (The response cache once read its highest id and dropped everything when it
/// moved; it now reads the outbox, whose events say what changed.)
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
