using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>HotChocolate's filter input for articles (<c>where:</c>), bound to <see cref="ArticleFilter"/>.</summary>
public sealed class ArticleFilterInputGraphType : InputObjectGraphType<ArticleFilter>
{
    public ArticleFilterInputGraphType()
    {
        Name = "ArticleFilterInput";
        Description = "Which articles to list; every condition given must hold.";
        Field<ListGraphType<NonNullGraphType<ArticleFilterInputGraphType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<ArticleFilterInputGraphType>>>("or").Description("At least one of these.");
        Field<StringOperationFilterInputGraphType>("slug");
        Field<StringOperationFilterInputGraphType>("title");
        Field<ListFilterInputTypeOfTagFilterInputGraphType>("tags");
        Field<ListFilterInputTypeOfPlaceFilterInputGraphType>("places");
        Field<HistoricalDateOperationFilterInputGraphType>("historicalDate")
            .Description("When the event happened. An operand names a period: a year alone is that whole year, a year and month that month.");
        Field<ArticleStatusOperationFilterInputGraphType>("status");
        Field<DateTimeOperationFilterInputGraphType>("publishedAt");
        Field<DateTimeOperationFilterInputGraphType>("updatedAt");
    }
}

public sealed class PlaceFilterInputGraphType : InputObjectGraphType<PlaceFilter>
{
    public PlaceFilterInputGraphType()
    {
        Name = "PlaceFilterInput";
        Field<StringOperationFilterInputGraphType>("name");
        Field<StringOperationFilterInputGraphType>("country");
    }
}

public sealed class ListFilterInputTypeOfPlaceFilterInputGraphType()
    : ListFilterInputGraphType<PlaceFilterInputGraphType, PlaceFilter>("PlaceFilterInput", "places");

public sealed class ArticleStatusOperationFilterInputGraphType : InputObjectGraphType<EnumFilter<ArticleStatus>>
{
    public ArticleStatusOperationFilterInputGraphType()
    {
        Name = "ArticleStatusOperationFilterInput";
        Field<ArticleStatusGraphType>("eq");
        Field<ArticleStatusGraphType>("neq");
        Field<ListGraphType<NonNullGraphType<ArticleStatusGraphType>>>("in");
        Field<ListGraphType<NonNullGraphType<ArticleStatusGraphType>>>("nin");
    }
}

/// <summary>
/// The comparable operators over historical dates, with <c>DatePointInput</c> operands (BCE years negative). Read by
/// hand into <see cref="ComparableFilter{T}"/> of <see cref="DatePoint"/>, as the operand's input record is not the domain's.
/// </summary>
public sealed class HistoricalDateOperationFilterInputGraphType : InputObjectGraphType<ComparableFilter<DatePoint>>
{
    public HistoricalDateOperationFilterInputGraphType()
    {
        Name = "HistoricalDateOperationFilterInput";
        Description = "Conditions on when an event happened: eq is within the period, gt after it ends, gte from its start, lt before it starts, lte up to its end.";
        Field<ListGraphType<NonNullGraphType<HistoricalDateOperationFilterInputGraphType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<HistoricalDateOperationFilterInputGraphType>>>("or").Description("At least one of these.");
        foreach (var name in ComparisonOperators.Names)
        {
            Field<DatePointInputGraphType>(name);
        }

        Field<ListGraphType<NonNullGraphType<DatePointInputGraphType>>>("in");
        Field<ListGraphType<NonNullGraphType<DatePointInputGraphType>>>("nin");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        DatePoint? Point(string name) => value.TryGetValue(name, out var v) && v is DatePointInput input ? input.ToDatePoint() : null;
        List<DatePoint>? Points(string name) => value.TryGetValue(name, out var v) && v is IEnumerable<object?> list ? [.. list.OfType<DatePointInput>().Select(p => p.ToDatePoint())] : null;
        List<ComparableFilter<DatePoint>>? Nested(string name) => value.TryGetValue(name, out var v) && v is IEnumerable<object?> list ? [.. list.OfType<ComparableFilter<DatePoint>>()] : null;
        return new ComparableFilter<DatePoint>
        {
            And = Nested("and"),
            Or = Nested("or"),
            Eq = Point("eq"),
            Neq = Point("neq"),
            Gt = Point("gt"),
            Ngt = Point("ngt"),
            Gte = Point("gte"),
            Ngte = Point("ngte"),
            Lt = Point("lt"),
            Nlt = Point("nlt"),
            Lte = Point("lte"),
            Nlte = Point("nlte"),
            In = Points("in"),
            Nin = Points("nin"),
        };
    }
}

/// <summary>HotChocolate's sort input for articles (<c>order:</c>): each object's fields are steps, in the order written.</summary>
public sealed class ArticleSortInputGraphType : InputObjectGraphType<object>
{
    private static readonly Dictionary<string, ArticleSortField> SortFields = new(StringComparer.Ordinal)
    {
        ["slug"] = ArticleSortField.Slug,
        ["title"] = ArticleSortField.Title,
        ["historicalDate"] = ArticleSortField.HistoricalDate,
        ["publishedAt"] = ArticleSortField.PublishedAt,
        ["updatedAt"] = ArticleSortField.UpdatedAt,
    };

    public ArticleSortInputGraphType()
    {
        Name = "ArticleSortInput";
        Description = "Order by these fields, in the order written; ties are broken by slug.";
        foreach (var name in SortFields.Keys)
        {
            Field<SortEnumGraphType>(name);
        }
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Where(v => v.Value is SortDirection)
            .Select(v => new ArticleSort(SortFields[v.Key], (SortDirection)v.Value! == SortDirection.Descending))
            .ToList();
    }
}
