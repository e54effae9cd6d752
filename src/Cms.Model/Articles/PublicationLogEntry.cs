namespace Cms.Model.Articles;

/// <summary>
/// A record of what was public when: written in the same transaction as the publish or unpublish it
/// describes, so it can answer "which version did readers see at that moment?" and feed notifications.
/// </summary>
public sealed class PublicationLogEntry
{
    private PublicationLogEntry()
    {
    }

    public long Id { get; private set; }

    public Guid ArticleId { get; private set; }

    public PublicationAction Action { get; private set; }

    /// <summary>The version made public; null for an unpublish.</summary>
    public int? VersionNumber { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public DateTime At { get; private set; }

    internal static PublicationLogEntry Create(Guid articleId, PublicationAction action, int? versionNumber, string actor, DateTime at) =>
        new() { ArticleId = articleId, Action = action, VersionNumber = versionNumber, Actor = actor, At = at };
}
