namespace Cms.Model.Querying;

/// <summary>A tag, matched by its slug.</summary>
public sealed record TagFilter
{
    public StringFilter? Slug { get; init; }
}
