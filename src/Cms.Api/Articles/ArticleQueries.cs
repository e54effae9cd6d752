using Cms.Api.GraphQL;
using Cms.Api.Security;
using Cms.Model.Delivery;
using Cms.Model.Security;
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
            .Description("One article by slug or id (give exactly one), or null. An old slug still finds its article, with redirectedFrom set.")
            .Argument<StringGraphType>("slug", "The article's slug, current or former.")
            .Argument<IdGraphType>("id", "The article's global id.")
            .Argument<ArticleStageGraphType>("stage", "PUBLISHED (default): what readers see. DRAFT: the latest version; needs the viewer role.", a => a.RequireRole(Role.Viewer))
            .Argument<IntGraphType>("version", "A given version number; needs the viewer role.", a => a.RequireRole(Role.Viewer))
            .Argument<DateTimeGraphType>("asOf", "The version that was public at this moment (from the publication log), so a citation can be checked later.")
            .Public()
            .ResolveAsync(ResolveArticleAsync);

        CompareVersionsField.AddTo(query);

        query.Connection<ArticleGraphType>("articles")
            .Description($"Published articles, the most recent event first. Pages hold {DefaultPageSize} by default and at most {PublishedArticles.MaxPageSize}.")
            .Public()
            .ResolveAsync(ResolveArticlesAsync);
    }

    private static async Task<object?> ResolveArticleAsync(IResolveFieldContext context)
    {
        var slug = context.GetArgument<string?>("slug");
        var id = context.GetArgument<string?>("id");
        if ((slug is null) == (id is null))
        {
            throw new ExecutionError("Give exactly one of slug and id.") { Code = ErrorCodes.BadUserInput };
        }

        var articleId = ArticleIds.TryParse(id);
        if ((slug is not null && !Model.Articles.Slug.IsValid(slug)) || (id is not null && articleId is null))
        {
            return null;
        }

        var stage = context.GetArgument("stage", ArticleStage.Published);
        var version = context.GetArgument<int?>("version");
        var asOf = context.GetArgument<DateTime?>("asOf");
        if (asOf is not null && (version is not null || stage != ArticleStage.Published))
        {
            throw new ExecutionError("asOf reads what was published; it cannot be combined with stage or version.") { Code = ErrorCodes.BadUserInput };
        }

        var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(context));
        var lookup = context.RequestServices!.GetRequiredService<ArticleLookup>();
        var (view, _) = await lookup.FindAsync(new ArticleSelector(slug, articleId, stage, version, asOf?.ToUniversalTime()), parts, context.CancellationToken);
        return view;
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
