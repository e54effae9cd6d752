using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Articles;

/// <summary>The root fields that read published articles.</summary>
public sealed class ArticleQueries : IQueryFields
{
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

        query.PagedConnection<object?, ArticleGraphType, ArticleView, ArticlePosition>(
                "articles",
                ArticleCursor.TryDecode,
                view => ArticleCursor.Encode(new ArticlePosition(view.Version.DateSortKey, view.Article.Slug)),
                LoadArticlesAsync,
                context => context.RequestServices!.GetRequiredService<PublishedArticles>().CountAsync(context.CancellationToken))
            .Description($"Published articles, the most recent event first. Pages hold {Paging.DefaultPageSize} by default and at most {Paging.MaxPageSize}.")
            .Public();
    }

    private static async Task<object?> ResolveArticleAsync(IResolveFieldContext context)
    {
        var slug = context.GetArgument<string?>("slug");
        var id = context.GetArgument<string?>("id");
        if ((slug is null) == (id is null))
        {
            throw ApiErrors.BadUserInput("Give exactly one of slug and id.");
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
            throw ApiErrors.BadUserInput("asOf reads what was published; it cannot be combined with stage or version.");
        }

        var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(context));
        var lookup = context.RequestServices!.GetRequiredService<ArticleLookup>();
        var (view, _) = await lookup.FindAsync(new ArticleSelector(slug, articleId, stage, version, asOf?.ToUniversalTime()), parts, context.CancellationToken);
        return view;
    }

    private static async Task<ConnectionPage<ArticleView>> LoadArticlesAsync(IResolveFieldContext<object?> context, int first, ArticlePosition? after)
    {
        var selected = Selections.FieldNamesAt(context, "edges", "node");
        selected.UnionWith(Selections.FieldNamesAt(context, "items"));
        var articles = context.RequestServices!.GetRequiredService<PublishedArticles>();
        var (items, hasMore) = await articles.ListAsync(first, after, ArticleGraphType.PartsFor(selected), context.CancellationToken);
        return new ConnectionPage<ArticleView>(items, hasMore);
    }
}
