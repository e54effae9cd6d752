namespace Cms.Model.Querying;

/// <summary>Conditions on a list: some, all or none of its elements match, or it has any element at all.</summary>
public sealed record ListFilter<TElement>
    where TElement : class
{
    public TElement? Some { get; init; }

    public TElement? All { get; init; }

    public TElement? None { get; init; }

    public bool? Any { get; init; }
}
