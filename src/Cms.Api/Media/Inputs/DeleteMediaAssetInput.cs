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

public sealed record DeleteMediaAssetInput(string Id);

public sealed class DeleteMediaAssetInputGraphType : InputObjectGraphType<DeleteMediaAssetInput>
{
    public DeleteMediaAssetInputGraphType()
    {
        Name = "DeleteMediaAssetInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
