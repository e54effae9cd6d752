namespace Cms.Model.Delivery;

/// <summary>Which version of an article a read wants.</summary>
public enum ArticleStage
{
    /// <summary>The published version: what readers see.</summary>
    Published,

    /// <summary>The latest version, published or not: what editors work on.</summary>
    Draft,
}
