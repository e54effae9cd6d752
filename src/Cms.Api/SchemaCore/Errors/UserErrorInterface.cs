using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// Errors a mutation reports in its payload (the mutation-convention style): typed, so a client can switch on
/// <c>__typename</c> or on <c>code</c>, and carried as data rather than as GraphQL errors, since they are expected outcomes.
/// </summary>
public sealed class UserErrorInterface : InterfaceGraphType<EditError>
{
    public UserErrorInterface()
    {
        Name = "UserError";
        Description = "Why a mutation did not happen. Nothing was written.";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("message").Description("Readable explanation.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable machine-readable code.");
    }
}
