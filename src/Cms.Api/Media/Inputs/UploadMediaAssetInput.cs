using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed record UploadMediaAssetInput : MediaMetadataInput
{
    public FileUpload File { get; init; } = null!;
}

public sealed class UploadMediaAssetInputGraphType : InputObjectGraphType<UploadMediaAssetInput>
{
    public UploadMediaAssetInputGraphType()
    {
        Name = "UploadMediaAssetInput";
        Field<NonNullGraphType<UploadGraphType>>("file").Description("The file, as a GraphQL multipart request sends it.");
        MediaMetadataFields.Add(this);
    }
}
