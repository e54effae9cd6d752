using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed record RevokeApiKeyInput(string Id);

public sealed class RevokeApiKeyInputGraphType : InputObjectGraphType<RevokeApiKeyInput>
{
    public RevokeApiKeyInputGraphType()
    {
        Name = "RevokeApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The key's id, or its public id.");
    }
}
