using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed record CreateApiKeyInput(string Name, Role Role, DateTime? ExpiresAt);

public sealed class CreateApiKeyInputGraphType : InputObjectGraphType<CreateApiKeyInput>
{
    public CreateApiKeyInputGraphType()
    {
        Name = "CreateApiKeyInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("What the key is for, such as \"preview-site\".");
        Field<NonNullGraphType<RoleGraphType>>("role");
        Field<DateTimeGraphType>("expiresAt").Description("When the key stops working; none by default.");
    }
}
