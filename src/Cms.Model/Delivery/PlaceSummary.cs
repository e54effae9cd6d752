namespace Cms.Model.Delivery;

/// <summary>
/// A place named by published articles (one per name and country), how many name it, and where it is: the mean of the
/// coordinates those articles give, or null when none gives any.
/// </summary>
public sealed record PlaceSummary(string Name, string Country, double? Latitude, double? Longitude, int ArticleCount);
