using Cms.Model.Delivery;
using Cms.Model.Search;

namespace Cms.Api.Articles;

/// <summary>What the search field reads: the index for matches and snippets, the article lists for the matched articles.</summary>
public sealed record ArticleSearchServices(ArticleSearch Search, ArticleLists Lists);
