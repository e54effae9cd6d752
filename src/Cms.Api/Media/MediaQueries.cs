using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Api.SchemaCore;
using Cms.Model.Media;
using Cms.Model.Security;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Media;

/// <summary>The media library for editors: one asset by id, and every asset in the HotChocolate list shape.</summary>
public sealed class MediaQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<MediaAssetGraphType>("mediaAsset")
            .Description("An asset of the library by its global id (readers reach published images through articles and node).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireRole(Role.Viewer)
            .Resolve()
            .WithService<MediaAssetLists>()
            .ResolveAsync(async (ctx, lists) => MediaAssetIds.TryParse(ctx.GetArgument<string>("id")) is { } id
                ? (await lists.GetManyAsync([id], ctx.CancellationToken)).GetValueOrDefault(id)
                : null);

        query.PagedConnection<object?, MediaAssetGraphType, MediaAsset, MediaAssetPosition, MediaAssetLists>(
                "mediaAssets",
                context => asset => CursorContent.Compose(Signature(Sort(context)), [asset.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), asset.FileName, asset.Id.ToString("N")]),
                ReadCursor,
                async (context, lists, page) =>
                {
                    var (items, hasMore) = await lists.PageAsync(context.GetArgument<MediaAssetFilter?>("where"), Sort(context), page.Size, page.From, context.CancellationToken);
                    return new ConnectionPage<MediaAsset>(items, hasMore);
                },
                (context, lists) => lists.CountAsync(context.GetArgument<MediaAssetFilter?>("where"), context.CancellationToken))
            .Argument<MediaAssetFilterInputGraphType>("where")
            .Argument<ListGraphType<NonNullGraphType<MediaAssetSortInputGraphType>>>("order", "One field: [{ createdAt: DESC }] (the default) or [{ fileName: ASC }].")
            .Description("The media library: every asset, newest first unless ordered otherwise, filtered by file name, type, tag or whether articles use it.")
            .RequireRole(Role.Viewer);
    }

    private static MediaAssetSort Sort(IResolveFieldContext context)
    {
        var steps = context.GetArgument<List<object>?>("order")?.OfType<IEnumerable<MediaAssetSort>>().SelectMany(s => s).ToList() ?? [];
        return steps.Count switch
        {
            0 => new MediaAssetSort(MediaAssetSortField.CreatedAt, Descending: true),
            1 => steps[0],
            _ => throw ApiErrors.BadUserInput("Order the media library by one field; ties are broken by id."),
        };
    }

    private static bool ReadCursor(IResolveFieldContext<object?> context, string content, [MaybeNullWhen(false)] out MediaAssetPosition position)
    {
        position = null;
        if (!CursorContent.TryRead(content, Signature(Sort(context)), 3, out var values) ||
            !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks ||
            !Guid.TryParseExact(values[2], "N", out var id))
        {
            return false;
        }

        position = new MediaAssetPosition(new DateTime(ticks, DateTimeKind.Utc), values[1], id);
        return true;
    }

    private static string Signature(MediaAssetSort sort) => $"media:{sort.Field}:{(sort.Descending ? "desc" : "asc")}";
}
