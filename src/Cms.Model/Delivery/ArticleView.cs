using Cms.Model.Articles;

namespace Cms.Model.Delivery;

/// <summary>An article as a reader sees it: the article row and the one version being shown.</summary>
public sealed record ArticleView(Article Article, ArticleVersion Version)
{
    /// <summary>The old slug the article was found by, when it was found through a redirect.</summary>
    public string? RedirectedFrom { get; init; }
}
