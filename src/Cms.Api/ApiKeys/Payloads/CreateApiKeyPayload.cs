using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed record CreateApiKeyPayload(ApiKey? ApiKey, string? Secret, IReadOnlyList<EditError> Errors);

public sealed class CreateApiKeyPayloadGraphType : ObjectGraphType<CreateApiKeyPayload>
{
    public CreateApiKeyPayloadGraphType()
    {
        Name = "CreateApiKeyPayload";
        this.RequireRole(Role.Admin);
        Field<ApiKeyGraphType>("apiKey").Resolve(ctx => ctx.Source.ApiKey);
        Field<StringGraphType>("secret").Description("The key itself. Shown only in this response: store it now.").Resolve(ctx => ctx.Source.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
