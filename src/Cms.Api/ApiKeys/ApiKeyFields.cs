using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

/// <summary>The caller's own identity, and API key management for admins.</summary>
public sealed class ApiKeyFields : IQueryFields, IMutationFields
{
    void IQueryFields.AddTo(ObjectGraphType query)
    {
        query.Field<CallerGraphType>("me")
            .Description("The authenticated caller, or null for anonymous requests.")
            .Public()
            .Resolve(ctx => ctx.User?.Identity?.IsAuthenticated == true ? ctx.User : null);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyGraphType>>>>("apiKeys")
            .Description("Every API key, revoked and expired ones included, oldest first.")
            .RequireRole(Role.Admin)
            .ResolveAsync(async ctx => await Keys(ctx).ListAsync(ctx.CancellationToken));
    }

    void IMutationFields.AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateApiKeyPayloadGraphType>>("createApiKey")
            .Description("Creates an API key; the payload's secret is the only time the key is shown.")
            .Argument<NonNullGraphType<CreateApiKeyInputGraphType>>("input")
            .RequireRole(Role.Admin)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateApiKeyInput>("input");
                var (key, secret, errors) = await Keys(ctx).CreateAsync(input.Name, input.Role, input.ExpiresAt, ctx.User.GetActorName(), ctx.CancellationToken);
                return new CreateApiKeyPayload(key, secret, errors);
            });

        mutation.Field<NonNullGraphType<RevokeApiKeyPayloadGraphType>>("revokeApiKey")
            .Description("Revokes an API key at once; requests that present it are refused from then on.")
            .Argument<NonNullGraphType<RevokeApiKeyInputGraphType>>("input")
            .RequireRole(Role.Admin)
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<RevokeApiKeyInput>("input").Id;
                var keyId = GlobalId.TryDecode(id, out var type, out var guid) && type == "ApiKey" ? guid.ToString() : id;
                var key = await Keys(ctx).RevokeAsync(keyId, ctx.CancellationToken);
                return key is null
                    ? new RevokeApiKeyPayload(null, [new NotFoundError("API key", id)])
                    : new RevokeApiKeyPayload(key, []);
            });
    }

    private static ApiKeyService Keys(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ApiKeyService>();
}
