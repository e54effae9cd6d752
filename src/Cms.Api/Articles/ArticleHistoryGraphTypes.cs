using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleVersionSummaryGraphType : ObjectGraphType<VersionHistoryEntry>
{
    public const string TypeName = "ArticleVersionSummary";

    public ArticleVersionSummaryGraphType()
    {
        Name = TypeName;
        Description = "One line of an article's history.";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ArticleVersionGraphType.TypeName, ctx.Source.Version.Id));
        Field<NonNullGraphType<IntGraphType>>("number").Resolve(ctx => ctx.Source.Version.Number);
        Field<NonNullGraphType<StringGraphType>>("author").Resolve(ctx => ctx.Source.Version.Author);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.Version.CreatedAt);
        Field<StringGraphType>("changeNote").Resolve(ctx => ctx.Source.Version.ChangeNote);
        Field<NonNullGraphType<BooleanGraphType>>("everPublished").Description("Whether this version was ever the published one.").Resolve(ctx => ctx.Source.EverPublished);
    }
}

/// <summary>The <c>versions</c> field of Article: history, newest first, paged by version number.</summary>
internal static class ArticleVersionsField
{
    public static void AddTo(ObjectGraphType<ArticleView> article) =>
        article.PagedConnection<ArticleView, ArticleVersionSummaryGraphType, VersionHistoryEntry, int>(
                "versions",
                _ => entry => $"v{entry.Version.Number}",
                TryReadCursor,
                LoadPageAsync,
                context => Task.FromResult(context.Source.Article.LatestVersionNumber))
            .Description("Every version, newest first. Needs the viewer role.")
            .RequireRole(Role.Viewer);

    /// <summary>A cursor is the number of the last version seen: the next page holds the versions below it.</summary>
    private static bool TryReadCursor(IResolveFieldContext<ArticleView> context, string cursor, out int number) =>
        int.TryParse(cursor.StartsWith('v') ? cursor.AsSpan(1) : [], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);

    private static async Task<ConnectionPage<VersionHistoryEntry>> LoadPageAsync(IResolveFieldContext<ArticleView> context, PageRequest<int> page)
    {
        var history = context.RequestServices!.GetRequiredService<ArticleHistory>();
        var (items, hasMore) = await history.VersionsAsync(context.Source.Article.Id, page.Size, page.From == 0 ? null : page.From, context.CancellationToken);
        return new ConnectionPage<VersionHistoryEntry>(items, hasMore);
    }
}
