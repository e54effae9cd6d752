using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>The <c>versions</c> field of Article: history, newest first, paged by version number.</summary>
internal static class ArticleVersionsField
{
    public static void AddTo(ObjectGraphType<ArticleView> article) =>
        article.PagedConnection<ArticleView, ArticleVersionSummaryGraphType, VersionHistoryEntry, int, ArticleHistory>(
                "versions",
                _ => entry => $"v{entry.Version.Number}",
                TryReadCursor,
                LoadPageAsync,
                (context, _) => Task.FromResult(context.Source.Article.LatestVersionNumber))
            .Description("Every version, newest first. Needs the viewer role.")
            .RequireRole(Role.Viewer);

    /// <summary>A cursor is the number of the last version seen: the next page holds the versions below it.</summary>
    private static bool TryReadCursor(IResolveFieldContext<ArticleView> context, string cursor, out int number) =>
        int.TryParse(cursor.StartsWith('v') ? cursor.AsSpan(1) : [], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);

    private static async Task<ConnectionPage<VersionHistoryEntry>> LoadPageAsync(IResolveFieldContext<ArticleView> context, ArticleHistory history, PageRequest<int> page)
    {
        var (items, hasMore) = await history.VersionsAsync(context.Source.Article.Id, page.Size, page.From == 0 ? null : page.From, context.CancellationToken);
        return new ConnectionPage<VersionHistoryEntry>(items, hasMore);
    }
}
