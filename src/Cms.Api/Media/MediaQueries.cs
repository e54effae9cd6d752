using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Api.SchemaCore;
using Cms.Model.Media;
using Cms.Model.Security;
using GraphQL;
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
            .ResolveAsync(async ctx => MediaAssetIds.TryParse(ctx.GetArgument<string>("id")) is { } id
                ? (await ctx.RequestServices!.GetRequiredService<MediaAssetLists>().GetManyAsync([id], ctx.CancellationToken)).GetValueOrDefault(id)
                : null);

        query.PagedConnection<object?, MediaAssetGraphType, MediaAsset, MediaAssetPosition>(
                "mediaAssets",
                context => asset => CursorContent.Compose(Signature(Sort(context)), [asset.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), asset.FileName, asset.Id.ToString("N")]),
                ReadCursor,
                async (context, page) =>
                {
                    var lists = context.RequestServices!.GetRequiredService<MediaAssetLists>();
                    var (items, hasMore) = await lists.PageAsync(context.GetArgument<MediaAssetFilter?>("where"), Sort(context), page.Size, page.From, context.CancellationToken);
                    return new ConnectionPage<MediaAsset>(items, hasMore);
                },
                context => context.RequestServices!.GetRequiredService<MediaAssetLists>().CountAsync(context.GetArgument<MediaAssetFilter?>("where"), context.CancellationToken))
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

/// <summary>
/// <c>node(id:)</c> for an asset: viewers and above see any; everyone else only assets a published article uses (what
/// they could reach through that article anyway).
/// </summary>
internal sealed class MediaAssetNodeResolver : INodeResolver
{
    public string TypeName => MediaAssetGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys)
    {
        var lists = context.RequestServices!.GetRequiredService<MediaAssetLists>();
        var assets = await lists.GetManyAsync(keys, context.CancellationToken);
        var visible = context.User.GetRole() >= Role.Viewer ? assets.Keys.ToHashSet() : await lists.PublishedAsync([.. assets.Keys], context.CancellationToken);
        return assets.Where(a => visible.Contains(a.Key)).ToDictionary(a => a.Key, a => (object)a.Value);
    }
}

/// <summary>Asset ids as clients give them: the global id, or the bare GUID that article media references show.</summary>
public static class MediaAssetIds
{
    public static Guid? TryParse(string? id) => GlobalId.KeyOf(id, MediaAssetGraphType.TypeName);
}
