using Cms.Api.GraphQL;
using Cms.Api.Security;
using Cms.Model.Delivery;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Articles;

/// <summary>The root fields that read published articles.</summary>
public sealed class ArticleQueries : IQueryFields
{
    public const int DefaultPageSize = 20;

    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);

        query.Field<ArticleGraphType>("article")
            .Description("The published article with this slug, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The article's slug.")
            .Public()
            .ResolveAsync(ResolveArticleAsync);

        query.Connection<ArticleGraphType>("articles")
            .Description($"Published articles, the most recent event first. Pages hold {DefaultPageSize} by default and at most {PublishedArticles.MaxPageSize}.")
            .Public()
            .ResolveAsync(ResolveArticlesAsync);
    }

    private static async Task<object?> ResolveArticleAsync(IResolveFieldContext context)
    {
        var slug = context.GetArgument<string>("slug");
        if (!Model.Articles.Slug.IsValid(slug))
        {
            return null;
        }

        var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(context));
        var articles = context.RequestServices!.GetRequiredService<PublishedArticles>();
        return await articles.FindBySlugAsync(slug, parts, context.CancellationToken);
    }

    private static async Task<object?> ResolveArticlesAsync(IResolveConnectionContext<object?> context)
    {
        // The raw argument: IResolveConnectionContext.First drops the sign of a negative page size.
        var first = context.GetArgument<int?>("first") ?? DefaultPageSize;
        if (first is < 0 or > PublishedArticles.MaxPageSize)
        {
            throw new ExecutionError($"first must be between 0 and {PublishedArticles.MaxPageSize}.") { Code = ErrorCodes.BadUserInput };
        }

        ArticlePosition? after = null;
        if (context.After is { } cursor && !ArticleCursor.TryDecode(cursor, out after))
        {
            throw new ExecutionError("The after cursor is not one this API issued.") { Code = ErrorCodes.BadUserInput };
        }

        var selected = Selections.FieldNamesAt(context, "edges", "node");
        selected.UnionWith(Selections.FieldNamesAt(context, "items"));
        var articles = context.RequestServices!.GetRequiredService<PublishedArticles>();
        var (items, hasMore) = await articles.ListAsync(first, after, ArticleGraphType.PartsFor(selected), context.CancellationToken);

        var edges = items.Select(view => new Edge<ArticleView>
        {
            Node = view,
            Cursor = ArticleCursor.Encode(new ArticlePosition(view.Version.DateSortKey, view.Article.Slug)),
        }).ToList();
        var totalCount = Selections.FieldNamesAt(context).Contains("totalCount")
            ? await articles.CountAsync(context.CancellationToken)
            : (int?)null;

        return new Connection<ArticleView>
        {
            Edges = edges,
            TotalCount = totalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = hasMore,
                HasPreviousPage = after is not null,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
