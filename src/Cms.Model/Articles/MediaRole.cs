namespace Cms.Model.Articles;

public enum MediaRole
{
    /// <summary>The lead image shown above the article; at most one per version.</summary>
    Hero,
    Inline,
    Gallery,
}
