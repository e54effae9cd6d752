namespace Cms.Model.Articles;

/// <summary>An ordered place where an event happened.</summary>
public sealed record Place(string Name, string? Country = null, double? Latitude = null, double? Longitude = null)
{
    public const int MaxNameLength = 200;
    public const int MaxCountryLength = 100;

    public int Position { get; init; }
}
