using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Search;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary><c>search(text, first, after)</c>: full-text search over published articles, best match first.</summary>
public sealed class ArticleSearchQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.PagedConnection<object?, SearchResultGraphType, SearchResult, SearchPosition, ArticleSearchServices>("search", CursorContentOf, ReadCursor, LoadAsync, CountAsync)
            .Argument<NonNullGraphType<StringGraphType>>("text", $"Words to find in the title, summary, key facts and sections (case and accents ignored; the last word may be the start of one). Up to {ArticleSearch.MaxTerms} words.")
            .Description("Published articles matching every word of the text, best match first, each with a highlighted snippet.")
            .Public()
            .TagsItsAnswer();
    }

    private static IReadOnlyList<string> Terms(IResolveFieldContext context)
    {
        var text = context.GetArgument<string>("text");
        return ArticleSearch.Problem(text) is { } problem ? throw ApiErrors.BadUserInput(problem) : ArticleSearch.Terms(text);
    }

    /// <summary>A cursor belongs to the search's words: the next page of another search is refused.</summary>
    private static string Signature(IResolveFieldContext context) => "search:" + string.Join(' ', Terms(context));

    private static Func<SearchResult, string> CursorContentOf(IResolveFieldContext<object?> context)
    {
        var signature = Signature(context);
        return result => CursorContent.Compose(signature, [
            result.Match.Score.ToString("R", CultureInfo.InvariantCulture),
            result.Match.DocumentId.ToString(CultureInfo.InvariantCulture)]);
    }

    private static bool ReadCursor(IResolveFieldContext<object?> context, string content, [MaybeNullWhen(false)] out SearchPosition position)
    {
        position = null;
        if (!CursorContent.TryRead(content, Signature(context), 2, out var values) ||
            !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) ||
            !long.TryParse(values[1], NumberStyles.None, CultureInfo.InvariantCulture, out var documentId))
        {
            return false;
        }

        position = new SearchPosition(score, documentId);
        return true;
    }

    private static async Task<ConnectionPage<SearchResult>> LoadAsync(IResolveFieldContext<object?> context, ArticleSearchServices services, PageRequest<SearchPosition> page)
    {
        context.TagAnswer(AnswerTags.ArticleLists);
        var terms = Terms(context);
        var (search, lists) = services;
        var (matches, hasMore) = await search.PageAsync(terms, page.Size, page.From, context.CancellationToken);
        if (matches.Count == 0)
        {
            return new ConnectionPage<SearchResult>([], hasMore);
        }

        var selected = Selections.FieldNamesAt(context, "edges", "node");
        selected.UnionWith(Selections.FieldNamesAt(context, "nodes"));
        var articleFields = Selections.FieldNamesAt(context, "edges", "node", "article");
        articleFields.UnionWith(Selections.FieldNamesAt(context, "nodes", "article"));

        var articles = (await lists.PublishedByIdsAsync([.. matches.Select(m => m.ArticleId)], ArticleGraphType.PartsFor(articleFields), context.CancellationToken))
            .ToDictionary(a => a.Article.Id);
        var snippets = selected.Contains("snippet")
            ? (await search.DocumentsAsync([.. matches.Select(m => m.DocumentId)], context.CancellationToken)).ToDictionary(d => d.Id, d => SearchSnippet.Of(d, terms))
            : [];

        // A match whose article stopped being published since the index was read is left out.
        var results = matches.Where(m => articles.ContainsKey(m.ArticleId))
            .Select(m => new SearchResult(articles[m.ArticleId], m, snippets.GetValueOrDefault(m.DocumentId)))
            .ToList();
        return new ConnectionPage<SearchResult>(results, hasMore);
    }

    private static Task<int> CountAsync(IResolveFieldContext<object?> context, ArticleSearchServices services)
    {
        context.TagAnswer(AnswerTags.ArticleLists);
        return services.Search.CountAsync(Terms(context), context.CancellationToken);
    }
}
