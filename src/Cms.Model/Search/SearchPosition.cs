namespace Cms.Model.Search;

/// <summary>Where a page of search results starts: after this score and document (the previous page's last match).</summary>
public sealed record SearchPosition(double Score, long DocumentId);
