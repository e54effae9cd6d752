using Cms.Api.SchemaCore;

namespace Cms.Api.Media;

/// <summary>Asset ids as clients give them: the global id, or the bare GUID that article media references show.</summary>
public static class MediaAssetIds
{
    public static Guid? TryParse(string? id) => GlobalId.KeyOf(id, MediaAssetGraphType.TypeName);
}
