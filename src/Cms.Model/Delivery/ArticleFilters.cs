using Cms.Model.Articles;
using Cms.Model.Dates;

namespace Cms.Model.Delivery;

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

/// <summary>Conditions on an enumeration.</summary>
public sealed record EnumFilter<T>
    where T : struct, Enum
{
    public T? Eq { get; init; }

    public T? Neq { get; init; }

    public IReadOnlyList<T>? In { get; init; }

    public IReadOnlyList<T>? Nin { get; init; }
}

/// <summary>Conditions on a list: some, all or none of its elements match, or it has any element at all.</summary>
public sealed record ListFilter<TElement>
    where TElement : class
{
    public TElement? Some { get; init; }

    public TElement? All { get; init; }

    public TElement? None { get; init; }

    public bool? Any { get; init; }
}

/// <summary>Conditions on a yes-or-no value.</summary>
public sealed record BooleanFilter
{
    public bool? Eq { get; init; }

    public bool? Neq { get; init; }
}

/// <summary>A tag, matched by its slug.</summary>
public sealed record TagFilter
{
    public StringFilter? Slug { get; init; }
}

/// <summary>A place, matched by name or country.</summary>
public sealed record PlaceFilter
{
    public StringFilter? Name { get; init; }

    public StringFilter? Country { get; init; }
}

/// <summary>
/// Which articles a list holds. Every condition given must hold; <see cref="And"/> and <see cref="Or"/> combine filters.
/// Historical dates compare as the whole period the operand names: a year alone stands for that whole year, so
/// <c>gte 1914</c> starts on 1 January 1914 and <c>lte 1918</c> ends on 31 December 1918. BCE years are negative.
/// </summary>
public sealed record ArticleFilter : IQueryCost
{
    public int QueryCost() => FilterCost.Of(this);

    public IReadOnlyList<ArticleFilter>? And { get; init; }

    public IReadOnlyList<ArticleFilter>? Or { get; init; }

    public StringFilter? Slug { get; init; }

    public StringFilter? Title { get; init; }

    public ListFilter<TagFilter>? Tags { get; init; }

    public ListFilter<PlaceFilter>? Places { get; init; }

    public ComparableFilter<DatePoint>? HistoricalDate { get; init; }

    public EnumFilter<ArticleStatus>? Status { get; init; }

    public ComparableFilter<DateTime>? PublishedAt { get; init; }

    public ComparableFilter<DateTime>? UpdatedAt { get; init; }
}

/// <summary>What a list can be ordered by.</summary>
public enum ArticleSortField
{
    Slug,
    Title,
    HistoricalDate,
    PublishedAt,
    UpdatedAt,
}

/// <summary>One ordering step.</summary>
public sealed record ArticleSort(ArticleSortField Field, bool Descending) : IQueryCost
{
    public int QueryCost() => FilterCost.Operation;
}
