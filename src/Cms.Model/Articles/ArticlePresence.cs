namespace Cms.Model.Articles;

/// <summary>
/// One open editor of an article: a browser tab (its session id) of one actor, kept while it keeps reporting. A row, not
/// memory, so every instance behind a load balancer sees the same people; stale rows are swept as others report.
/// </summary>
public sealed class ArticlePresence
{
    public const int MaxSessionIdLength = 64;

    private ArticlePresence()
    {
    }

    public Guid ArticleId { get; private set; }

    /// <summary>Made by the client for one open editor (one tab), so one person with two tabs counts twice.</summary>
    public string SessionId { get; private set; } = string.Empty;

    public string Actor { get; private set; } = string.Empty;

    public DateTime OpenedAt { get; private set; }

    public DateTime SeenAt { get; private set; }

    public static ArticlePresence Open(Guid articleId, string sessionId, string actor, DateTime now) =>
        new() { ArticleId = articleId, SessionId = sessionId, Actor = actor, OpenedAt = now, SeenAt = now };
}
