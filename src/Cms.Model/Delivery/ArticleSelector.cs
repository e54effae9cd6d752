namespace Cms.Model.Delivery;

/// <summary>
/// Reads one article by slug (old slugs included, as redirects) or id, at a stage or a given version. Published
/// reads are for everyone; the caller decides who may read drafts and versions. Deleted articles are never found.
/// </summary>
/// <summary>Which article, and which of its versions: by stage, by number, or the one that was public at a moment.</summary>
public sealed record ArticleSelector(string? Slug, Guid? Id, ArticleStage Stage = ArticleStage.Published, int? Version = null, DateTime? AsOf = null);
