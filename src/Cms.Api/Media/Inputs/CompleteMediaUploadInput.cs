using GraphQL.Types;

namespace Cms.Api.Media;

public sealed record CompleteMediaUploadInput : MediaMetadataInput
{
    public string UploadId { get; init; } = string.Empty;
}

public sealed class CompleteMediaUploadInputGraphType : InputObjectGraphType<CompleteMediaUploadInput>
{
    public CompleteMediaUploadInputGraphType()
    {
        Name = "CompleteMediaUploadInput";
        Field<NonNullGraphType<IdGraphType>>("uploadId").Description("As beginMediaUpload gave it.");
        MediaMetadataFields.Add(this);
    }
}
