namespace Cms.Model.Outcomes;

/// <summary>An article or asset that uses a media asset, by its id and slug.</summary>
public sealed record MediaUsage(Guid ArticleId, string Slug, IReadOnlyList<int> VersionNumbers);
