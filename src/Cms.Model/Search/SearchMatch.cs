namespace Cms.Model.Search;

/// <summary>A match: the document, its article and its score (higher is better, comparable only within one search).</summary>
public sealed record SearchMatch(long DocumentId, Guid ArticleId, double Score);
