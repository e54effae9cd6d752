using Cms.Api.GraphQL;
using Cms.Api.Security;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Cms.Api.Articles;

public sealed class ArticleVersionSummaryGraphType : ObjectGraphType<VersionHistoryEntry>
{
    public ArticleVersionSummaryGraphType()
    {
        Name = "ArticleVersionSummary";
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
    public static void AddTo(ObjectGraphType<ArticleView> article)
    {
        article.Connection<ArticleVersionSummaryGraphType>("versions")
            .Description("Every version, newest first. Needs the viewer role.")
            .RequireRole(Role.Viewer)
            .ResolveAsync(ResolveAsync);
    }

    private static async Task<object?> ResolveAsync(IResolveConnectionContext<ArticleView> context)
    {
        var first = context.GetArgument<int?>("first") ?? 20;
        if (first is < 0 or > ArticleHistory.MaxPageSize)
        {
            throw new ExecutionError($"first must be between 0 and {ArticleHistory.MaxPageSize}.") { Code = ErrorCodes.BadUserInput };
        }

        int? before = null;
        if (context.After is { } cursor)
        {
            if (!cursor.StartsWith('v') || !int.TryParse(cursor.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                throw new ExecutionError("The after cursor is not one this API issued.") { Code = ErrorCodes.BadUserInput };
            }

            before = number;
        }

        var history = context.RequestServices!.GetRequiredService<ArticleHistory>();
        var (items, hasMore) = await history.VersionsAsync(context.Source.Article.Id, first, before, context.CancellationToken);
        var edges = items.Select(entry => new Edge<VersionHistoryEntry> { Node = entry, Cursor = $"v{entry.Version.Number}" }).ToList();
        return new Connection<VersionHistoryEntry>
        {
            Edges = edges,
            TotalCount = context.Source.Article.LatestVersionNumber,
            PageInfo = new PageInfo { HasNextPage = hasMore, HasPreviousPage = before is not null, StartCursor = edges.FirstOrDefault()?.Cursor, EndCursor = edges.LastOrDefault()?.Cursor },
        };
    }
}
