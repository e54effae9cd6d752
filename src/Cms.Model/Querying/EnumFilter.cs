namespace Cms.Model.Querying;

/// <summary>Conditions on an enumeration.</summary>
public sealed record EnumFilter<T>
    where T : struct, Enum
{
    public T? Eq { get; init; }

    public T? Neq { get; init; }

    public IReadOnlyList<T>? In { get; init; }

    public IReadOnlyList<T>? Nin { get; init; }
}
