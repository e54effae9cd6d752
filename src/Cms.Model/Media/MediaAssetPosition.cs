namespace Cms.Model.Media;

/// <summary>Where a page starts: the sort key of the last asset seen, and its id to break ties.</summary>
public sealed record MediaAssetPosition(DateTime CreatedAt, string FileName, Guid Id);
