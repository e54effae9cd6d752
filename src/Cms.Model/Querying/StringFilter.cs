namespace Cms.Model.Querying;

/// <summary>Conditions on a text field. Every condition given must hold; <c>And</c>/<c>Or</c> combine more.</summary>
public sealed record StringFilter
{
    public IReadOnlyList<StringFilter>? And { get; init; }

    public IReadOnlyList<StringFilter>? Or { get; init; }

    public string? Eq { get; init; }

    public string? Neq { get; init; }

    public IReadOnlyList<string>? In { get; init; }

    public IReadOnlyList<string>? Nin { get; init; }

    public string? Contains { get; init; }

    public string? NContains { get; init; }

    public string? StartsWith { get; init; }

    public string? NStartsWith { get; init; }

    public string? EndsWith { get; init; }

    public string? NEndsWith { get; init; }
}
