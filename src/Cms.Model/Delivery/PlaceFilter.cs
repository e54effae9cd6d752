using Cms.Model.Querying;

namespace Cms.Model.Delivery;

/// <summary>A place, matched by name or country.</summary>
public sealed record PlaceFilter
{
    public StringFilter? Name { get; init; }

    public StringFilter? Country { get; init; }
}
