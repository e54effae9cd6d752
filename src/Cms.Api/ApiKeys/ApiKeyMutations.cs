using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

/// <summary>Creating and revoking API keys (admins), in the mutation convention.</summary>
public sealed class ApiKeyMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Mutation<CreateApiKeyInputGraphType, CreateApiKeyPayloadGraphType>("createApiKey", Role.Admin,
                "Creates an API key; the payload's secret is the only time the key is shown.")
            .Handle<CreateApiKeyInput, ApiKeyService>(async (input, keys, context) =>
            {
                var result = await keys.CreateAsync(input.Name, input.Role, input.ExpiresAt, context.Actor, context.CancellationToken);
                return new CreateApiKeyPayload(result.Value?.Key, result.Value?.Secret, result.Errors);
            });

        mutation.Mutation<RevokeApiKeyInputGraphType, RevokeApiKeyPayloadGraphType>("revokeApiKey", Role.Admin,
                "Revokes an API key at once; requests that present it are refused from then on.")
            .Handle<RevokeApiKeyInput, ApiKeyService>(async (input, keys, context) =>
            {
                // A key is named by its global id, its bare id or its public id (what the command line lists).
                var keyId = GlobalId.KeyOf(input.Id, ApiKeyGraphType.TypeName)?.ToString() ?? input.Id;
                var result = await keys.RevokeAsync(keyId, context.CancellationToken);
                return result.Value is { } key
                    ? new RevokeApiKeyPayload(key, [])
                    : new RevokeApiKeyPayload(null, [new NotFoundError("API key", input.Id)]);
            });
    }
}
