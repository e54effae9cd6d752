namespace Cms.Model.Querying;

/// <summary>Conditions on an ordered value (a timestamp, a historical date).</summary>
public sealed record ComparableFilter<T>
    where T : struct
{
    public IReadOnlyList<ComparableFilter<T>>? And { get; init; }

    public IReadOnlyList<ComparableFilter<T>>? Or { get; init; }

    public T? Eq { get; init; }

    public T? Neq { get; init; }

    public IReadOnlyList<T>? In { get; init; }

    public IReadOnlyList<T>? Nin { get; init; }

    public T? Gt { get; init; }

    public T? Ngt { get; init; }

    public T? Gte { get; init; }

    public T? Ngte { get; init; }

    public T? Lt { get; init; }

    public T? Nlt { get; init; }

    public T? Lte { get; init; }

    public T? Nlte { get; init; }
}
