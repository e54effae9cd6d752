using Cms.Api.Media;
using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record MediaReferenceInput(string AssetId, MediaRole Role, string? CaptionOverride, FocalPointInput? FocalPointOverride)
{
    /// <summary>
    /// The asset's global id (or its bare GUID, as <c>assetId</c> shows it); anything else becomes the empty id, which the
    /// validator reports.
    /// </summary>
    public MediaReference ToMediaReference() =>
        new(GlobalId.KeyOf(AssetId, MediaAssetGraphType.TypeName) ?? Guid.Empty, Role, CaptionOverride) { FocalPointOverride = FocalPointOverride?.ToFocalPoint() };
}

public sealed class MediaReferenceInputGraphType : InputObjectGraphType<MediaReferenceInput>
{
    public MediaReferenceInputGraphType()
    {
        Name = "MediaReferenceInput";
        Field<NonNullGraphType<IdGraphType>>("assetId").Description("The asset's id (the global id, or the bare one assetId shows).");
        Field<NonNullGraphType<MediaRoleGraphType>>("role");
        Field<StringGraphType>("captionOverride");
        Field<FocalPointInputGraphType>("focalPointOverride").Description("Where crops of the image centre for this use only.");
    }
}
