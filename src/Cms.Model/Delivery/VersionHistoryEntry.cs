using Cms.Model.Articles;

namespace Cms.Model.Delivery;

/// <summary>One line of an article's history.</summary>
public sealed record VersionHistoryEntry(ArticleVersion Version, bool EverPublished);
