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
