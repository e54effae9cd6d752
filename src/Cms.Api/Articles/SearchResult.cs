using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Search;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>A search result: the article, how well it matched, and the passage that matched.</summary>
public sealed record SearchResult(ArticleView Article, SearchMatch Match, string? Snippet);
