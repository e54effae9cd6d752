using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Media;
using Cms.Model.Security;
using GraphQL;

namespace Cms.Api.Media;

/// <summary>
/// <c>node(id:)</c> for an asset: viewers and above see any; everyone else only assets a published article uses (what
/// they could reach through that article anyway).
/// </summary>
internal sealed class MediaAssetNodeResolver(MediaAssetLists lists) : INodeResolver
{
    public string TypeName => MediaAssetGraphType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys)
    {
        var assets = await lists.GetManyAsync(keys, context.CancellationToken);
        var visible = context.User.GetRole() >= Role.Viewer ? assets.Keys.ToHashSet() : await lists.PublishedAsync([.. assets.Keys], context.CancellationToken);
        return assets.Where(a => visible.Contains(a.Key)).ToDictionary(a => a.Key, a => (object)a.Value);
    }
}
