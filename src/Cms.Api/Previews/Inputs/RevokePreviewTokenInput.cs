using GraphQL.Types;

namespace Cms.Api.Previews;

public sealed record RevokePreviewTokenInput(string Id);

public sealed class RevokePreviewTokenInputGraphType : InputObjectGraphType<RevokePreviewTokenInput>
{
    public RevokePreviewTokenInputGraphType()
    {
        Name = "RevokePreviewTokenInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The preview token's id (not its secret).");
    }
}
