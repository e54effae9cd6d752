namespace Cms.Model.Querying;

/// <summary>Conditions on a yes-or-no value.</summary>
public sealed record BooleanFilter
{
    public bool? Eq { get; init; }

    public bool? Neq { get; init; }
}
