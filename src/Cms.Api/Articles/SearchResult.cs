using Cms.Model.Delivery;
using Cms.Model.Search;

namespace Cms.Api.Articles;

/// <summary>A search result: the article, how well it matched, and the passage that matched.</summary>
public sealed record SearchResult(ArticleView Article, SearchMatch Match, string? Snippet);
