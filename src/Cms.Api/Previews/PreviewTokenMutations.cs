using Cms.Api.Articles;
using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Previews;

/// <summary>Minting and revoking preview tokens (publishers): read-only access to one article's draft, never to a mutation.</summary>
public sealed class PreviewTokenMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Mutation<CreatePreviewTokenInputGraphType, PreviewTokenPayloadGraphType>("createPreviewToken", Role.Publisher,
                "Makes a signed, expiring, revocable token that lets a preview page read this article's draft (or one version) with article(slug|id). Useless for any other article and for mutations.")
            .Handle<CreatePreviewTokenInput, PreviewTokens>(async (input, tokens, context) =>
            {
                if (ArticleIds.TryParse(input.Id) is not { } articleId)
                {
                    return new PreviewTokenPayload(null, null, [new NotFoundError(ArticleGraphType.TypeName, input.Id)]);
                }

                var result = await tokens.MintAsync(articleId, input.Version, input.ExpiresInMinutes ?? PreviewTokens.DefaultLifetimeMinutes, context.Actor, context.CancellationToken);
                return new PreviewTokenPayload(result.Value?.Token, result.Value?.Secret, result.Errors);
            });

        mutation.Mutation<RevokePreviewTokenInputGraphType, PreviewTokenPayloadGraphType>("revokePreviewToken", Role.Publisher,
                "Stops a preview token from working, at once and on every instance.")
            .Handle<RevokePreviewTokenInput, PreviewTokens>(async (input, tokens, context) =>
            {
                if (!GlobalId.TryDecode(input.Id, out var type, out var tokenId) || type != PreviewTokenGraphType.TypeName)
                {
                    return new PreviewTokenPayload(null, null, [new NotFoundError("Preview token", input.Id)]);
                }

                var result = await tokens.RevokeAsync(tokenId, context.Actor, context.CancellationToken);
                return new PreviewTokenPayload(result.Value, null, result.Errors);
            });
    }
}
