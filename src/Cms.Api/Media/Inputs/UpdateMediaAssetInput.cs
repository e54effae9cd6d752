using GraphQL.Types;

namespace Cms.Api.Media;

public sealed record UpdateMediaAssetInput : MediaMetadataInput
{
    public string Id { get; init; } = string.Empty;

    public int? ExpectedRevision { get; init; }
}

public sealed class UpdateMediaAssetInputGraphType : InputObjectGraphType<UpdateMediaAssetInput>
{
    public UpdateMediaAssetInputGraphType()
    {
        Name = "UpdateMediaAssetInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<IntGraphType>("expectedRevision").Description("The revision the edit is based on; refused with a VersionConflictError if someone edited since.");
        MediaMetadataFields.Add(this);
    }
}
