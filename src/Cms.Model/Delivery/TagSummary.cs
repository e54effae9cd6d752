namespace Cms.Model.Delivery;

/// <summary>A tag in use by published articles: its slug, the label the registry knows it by, and how many use it.</summary>
public sealed record TagSummary(string Slug, string Label, int ArticleCount);
