using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Taxonomy;
using GraphQL;
using GraphQL.MicrosoftDI;
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
