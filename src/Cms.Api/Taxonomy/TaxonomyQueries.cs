using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

/// <summary>The root fields listing the tags and places of published articles, with how many articles use each.</summary>
public sealed class TaxonomyQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);

        query.PagedConnection<object?, TagSummaryGraphType, TagSummary, TagSummary, TaxonomyLists>(
                "tags",
                context => CursorContent(Sort(context), (TagSummary t) => [t.ArticleCount.ToString(CultureInfo.InvariantCulture), t.Slug]),
                ReadTagCursor,
                async (context, taxonomy, page) =>
                {
                    context.TagAnswer(AnswerTags.ArticleLists);
                    var sort = Sort(context);
                    var (items, hasMore) = await taxonomy.TagsAsync(new TaxonomyPage<TagSummary>(sort.Order, sort.Descending, page.Size, page.From), context.CancellationToken);
                    return new ConnectionPage<TagSummary>(items, hasMore);
                },
                (context, taxonomy) =>
                {
                    context.TagAnswer(AnswerTags.ArticleLists);
                    return taxonomy.CountTagsAsync(context.CancellationToken);
                })
            .Argument<ListGraphType<NonNullGraphType<TagSortInputGraphType>>>("order", "One field: [{ articleCount: DESC }] (the default) or [{ slug: ASC }].")
            .Description("The tags published articles carry, with how many carry each: the most used first unless ordered otherwise.")
            .Public()
            .TagsItsAnswer();

        query.PagedConnection<object?, PlaceSummaryGraphType, PlaceSummary, PlaceSummary, TaxonomyLists>(
                "places",
                context => CursorContent(Sort(context), (PlaceSummary p) => [p.ArticleCount.ToString(CultureInfo.InvariantCulture), p.Name, p.Country]),
                ReadPlaceCursor,
                async (context, taxonomy, page) =>
                {
                    context.TagAnswer(AnswerTags.ArticleLists);
                    var sort = Sort(context);
                    var (items, hasMore) = await taxonomy.PlacesAsync(new TaxonomyPage<PlaceSummary>(sort.Order, sort.Descending, page.Size, page.From), context.CancellationToken);
                    return new ConnectionPage<PlaceSummary>(items, hasMore);
                },
                (context, taxonomy) =>
                {
                    context.TagAnswer(AnswerTags.ArticleLists);
                    return taxonomy.CountPlacesAsync(context.CancellationToken);
                })
            .Argument<ListGraphType<NonNullGraphType<PlaceSortInputGraphType>>>("order", "One field: [{ articleCount: DESC }] (the default) or [{ name: ASC }].")
            .Description("The places published articles name (one per name and country), with how many name each and where they are: the most named first unless ordered otherwise.")
            .Public()
            .TagsItsAnswer();
    }

    private static bool ReadTagCursor(IResolveFieldContext<object?> context, string content, [MaybeNullWhen(false)] out TagSummary position) =>
        ReadCursor(Sort(context), content, 2, (values, count) => new TagSummary(values[1], string.Empty, count), out position);

    private static bool ReadPlaceCursor(IResolveFieldContext<object?> context, string content, [MaybeNullWhen(false)] out PlaceSummary position) =>
        ReadCursor(Sort(context), content, 3, (values, count) => new PlaceSummary(values[1], values[2], null, null, count), out position);

    private static TaxonomySort Sort(IResolveFieldContext context)
    {
        var steps = context.GetArgument<List<object>?>("order")?.OfType<IEnumerable<TaxonomySort>>().SelectMany(s => s).ToList() ?? [];
        return steps.Count switch
        {
            0 => new TaxonomySort(TaxonomyOrder.MostUsed, Descending: true),
            1 => steps[0],
            _ => throw ApiErrors.BadUserInput("Order this list by one field; ties are broken by its key."),
        };
    }

    private static Func<T, string> CursorContent<T>(TaxonomySort sort, Func<T, string[]> values) =>
        item => SchemaCore.CursorContent.Compose(Signature(sort), values(item));

    private static bool ReadCursor<T>(TaxonomySort sort, string content, int length, Func<string[], int, T> make, [MaybeNullWhen(false)] out T position)
        where T : class
    {
        position = null;
        if (!SchemaCore.CursorContent.TryRead(content, Signature(sort), length, out var values) ||
            !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        position = make(values, count);
        return true;
    }

    private static string Signature(TaxonomySort sort) => $"{sort.Order}:{(sort.Descending ? "desc" : "asc")}";
}
