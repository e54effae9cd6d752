using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed record RevokeApiKeyPayload(ApiKey? ApiKey, IReadOnlyList<EditError> Errors);

public sealed class RevokeApiKeyPayloadGraphType : ObjectGraphType<RevokeApiKeyPayload>
{
    public RevokeApiKeyPayloadGraphType()
    {
        Name = "RevokeApiKeyPayload";
        this.RequireRole(Role.Admin);
        Field<ApiKeyGraphType>("apiKey").Resolve(ctx => ctx.Source.ApiKey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
