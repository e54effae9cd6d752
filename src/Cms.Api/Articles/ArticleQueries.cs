using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Querying;
using Cms.Model.Security;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>The root fields that read published articles.</summary>
public sealed class ArticleQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);

        query.Field<ArticleGraphType>("article")
            .Argument<StringGraphType>("slug", "The article's slug, current or former.")
            .Argument<IdGraphType>("id", "The article's global id.")
            .Argument<ArticleStageGraphType>("stage", "PUBLISHED (default): what readers see. DRAFT: the latest version; needs the viewer role.", a => a.RequireRole(Role.Viewer))
            .Argument<IntGraphType>("version", "A given version number; needs the viewer role.", a => a.RequireRole(Role.Viewer))
            .Argument<DateTimeGraphType>("asOf", "The version that was public at this moment (from the publication log), so a citation can be checked later.")
            .Description("One article by slug or id (give exactly one), or null. An old slug still finds its article, with redirectedFrom set. With a preview token (X-Preview-Token) for this article, its draft (or the token's version) is answered instead of the published version.")
            .Public()
            .TagsItsAnswer()
            .Resolve()
            .WithService<ArticleLookup>()
            .ResolveAsync(ResolveArticleAsync);

        CompareVersionsField.AddTo(query);
        MarkdownPreviewField.AddTo(query);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("onThisDay")
            .Description($"Published events dated to this day of the year (day precision), in any year, BCE included; the most recent first. {Paging.DefaultPageSize} by default, at most {Paging.MaxPageSize}.")
            .Argument<NonNullGraphType<IntGraphType>>("month", "1 to 12.")
            .Argument<NonNullGraphType<IntGraphType>>("day", "1 to 31, as the month allows (29 February included).")
            .Argument<IntGraphType>("first", "How many events.")
            .Public()
            .TagsItsAnswer()
            .Resolve()
            .WithService<ArticleLists>()
            .ResolveAsync(ResolveOnThisDayAsync);

        query.PagedConnection<object?, ArticleGraphType, ArticleView, IReadOnlyList<object>, ArticleLists>(
                "articles",
                ArticleListCursor.ContentOf,
                ArticleListCursor.TryRead,
                LoadArticlesAsync,
                CountArticlesAsync,
                backward: true)
            .Argument<ArticleFilterInputGraphType>("where", "Which articles: conditions on slug, title, tags, places, the event's date, status and timestamps.")
            .Argument<ListGraphType<NonNullGraphType<ArticleSortInputGraphType>>>("order", "The order, such as [{ historicalDate: DESC }, { title: ASC }]; newest event first by default. Ties are broken by slug.")
            .Argument<ArticleStageGraphType>("stage", "PUBLISHED (default): published articles at their published version. DRAFT: every article at its latest version; needs the viewer role.", a =>
            {
                a.DefaultValue = ArticleStage.Published;
                a.RequireRole(Role.Viewer);
            })
            .Description($"Articles, filtered and ordered, a page at a time (keyset paging in both directions). Pages hold {Paging.DefaultPageSize} by default and at most {Paging.MaxPageSize}.")
            .Public()
            .TagsItsAnswer();
    }

    private static async Task<object?> ResolveArticleAsync(IResolveFieldContext context, ArticleLookup lookup)
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

        // Found or not: a later publish under this slug or id must drop a cached "null" too.
        context.TagAnswer(slug is not null ? AnswerTags.Slug(slug) : AnswerTags.Article(articleId!.Value));
        var parts = ArticleGraphType.PartsFor(Selections.FieldNamesAt(context));
        if (context.User.GetPreview() is { } preview && stage == ArticleStage.Published && version is null && asOf is null)
        {
            // A preview token shows its article's draft (or its version) in place of the published one, and nothing else.
            var (draft, _) = await lookup.FindAsync(new ArticleSelector(slug, articleId, ArticleStage.Draft, preview.VersionNumber), parts, context.CancellationToken);
            if (draft?.Article.Id == preview.ArticleId)
            {
                return draft;
            }
        }

        var (view, _) = await lookup.FindAsync(new ArticleSelector(slug, articleId, stage, version, asOf?.ToUniversalTime()), parts, context.CancellationToken);
        if (view is not null)
        {
            context.TagAnswer(AnswerTags.Article(view.Article.Id));
        }

        return view;
    }

    private static async Task<object?> ResolveOnThisDayAsync(IResolveFieldContext context, ArticleLists lists)
    {
        var (month, day) = (context.GetArgument<int>("month"), context.GetArgument<int>("day"));
        var first = Connections.PageSize(context);
        if (!ArticleLists.IsCalendarDay(month, day))
        {
            throw ApiErrors.BadUserInput($"There is no day {day} in month {month}.");
        }

        context.TagAnswer(AnswerTags.ArticleLists);
        return await lists.OnThisDayAsync(month, day, first, ArticleGraphType.PartsFor(Selections.FieldNamesAt(context)), context.CancellationToken);
    }

    private static async Task<ConnectionPage<ArticleView>> LoadArticlesAsync(IResolveFieldContext<object?> context, ArticleLists lists, PageRequest<IReadOnlyList<object>> page)
    {
        context.TagAnswer(AnswerTags.ArticleLists);
        var (stage, order) = ArticleListCursor.Arguments(context);
        var filter = Filter(context);
        var selected = Selections.FieldNamesAt(context, "edges", "node");
        selected.UnionWith(Selections.FieldNamesAt(context, "nodes"));
        var request = new ArticleListRequest(stage, filter, order, page.Size, page.Backward, page.From);
        var (items, hasMore) = await lists.ListAsync(request, ArticleGraphType.PartsFor(selected), context.CancellationToken);
        return new ConnectionPage<ArticleView>(items, hasMore);
    }

    private static Task<int> CountArticlesAsync(IResolveFieldContext<object?> context, ArticleLists lists)
    {
        context.TagAnswer(AnswerTags.ArticleLists);
        return lists.CountAsync(ArticleListCursor.Arguments(context).Stage, Filter(context), context.CancellationToken);
    }

    private static ArticleFilter? Filter(IResolveFieldContext context)
    {
        var filter = context.GetArgument<ArticleFilter?>("where");
        return ArticleLists.Problem(filter) is { } problem ? throw ApiErrors.BadUserInput(problem) : filter;
    }
}
