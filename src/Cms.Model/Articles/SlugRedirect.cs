namespace Cms.Model.Articles;

/// <summary>
/// A slug an article used before: delivery still answers it (and says it was redirected), so published links
/// never break. No other article may take it while the redirect exists.
/// </summary>
public sealed class SlugRedirect
{
    private SlugRedirect()
    {
    }

    public string OldSlug { get; private set; } = string.Empty;

    public Guid ArticleId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    internal static SlugRedirect Create(string oldSlug, Guid articleId, DateTime now) =>
        new() { OldSlug = oldSlug, ArticleId = articleId, CreatedAt = now };
}
