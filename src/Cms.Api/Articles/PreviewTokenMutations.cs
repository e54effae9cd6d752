using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record CreatePreviewTokenInput(string Id, int? Version, int? ExpiresInMinutes) : ArticleCommandInput(Id);

public sealed record RevokePreviewTokenInput(string Id);

/// <summary>The outcome of a preview-token mutation: the token (and, when just made, its secret), or why nothing happened.</summary>
public sealed record PreviewTokenPayload(PreviewToken? PreviewToken, string? Token, IReadOnlyList<EditError> Errors);

public sealed class CreatePreviewTokenInputGraphType : ArticleCommandInputGraphType<CreatePreviewTokenInput>
{
    public CreatePreviewTokenInputGraphType()
        : base("CreatePreviewTokenInput")
    {
        Field<IntGraphType>("version").Description("Show this version; by default the latest version at each read.");
        Field<IntGraphType>("expiresInMinutes").Description($"How long the token works: {PreviewTokens.DefaultLifetimeMinutes} minutes by default, at most {PreviewTokens.MaxLifetimeMinutes} (7 days).");
    }
}

public sealed class RevokePreviewTokenInputGraphType : InputObjectGraphType<RevokePreviewTokenInput>
{
    public RevokePreviewTokenInputGraphType()
    {
        Name = "RevokePreviewTokenInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The preview token's id (not its secret).");
    }
}

public sealed class PreviewTokenGraphType : ObjectGraphType<PreviewToken>
{
    public const string TypeName = "PreviewToken";

    public PreviewTokenGraphType()
    {
        Name = TypeName;
        Description = "A read-only credential for one article's draft (or one version), for a front end's preview page.";
        this.RequireRole(Role.Publisher);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("articleId").Description("The article it shows.").Resolve(ctx => GlobalId.Encode(ArticleGraphType.TypeName, ctx.Source.ArticleId));
        Field<IntGraphType>("version").Description("The version it shows; null: the latest.").Resolve(ctx => ctx.Source.VersionNumber);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<DateTimeGraphType>("revokedAt").Resolve(ctx => ctx.Source.RevokedAt);
    }
}

public sealed class PreviewTokenPayloadGraphType : ObjectGraphType<PreviewTokenPayload>
{
    public PreviewTokenPayloadGraphType()
    {
        Name = "PreviewTokenPayload";
        Description = "The outcome of a preview-token mutation.";
        this.Public();
        Field<PreviewTokenGraphType>("previewToken").Resolve(ctx => ctx.Source.PreviewToken);
        Field<StringGraphType>("token")
            .Description("The secret to send as the X-Preview-Token header; shown once, when the token is made.")
            .Resolve(ctx => ctx.Source.Token);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

/// <summary>Minting and revoking preview tokens (publishers): read-only access to one article's draft, never to a mutation.</summary>
public sealed class PreviewTokenMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<PreviewTokenPayloadGraphType>>("createPreviewToken")
            .Description("Makes a signed, expiring, revocable token that lets a preview page read this article's draft (or one version) with article(slug|id). Useless for any other article and for mutations.")
            .Argument<NonNullGraphType<CreatePreviewTokenInputGraphType>>("input")
            .RequireRole(Role.Publisher)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreatePreviewTokenInput>("input");
                if (ArticleIds.TryParse(input.Id) is not { } articleId)
                {
                    return new PreviewTokenPayload(null, null, [new NotFoundError("Article", input.Id)]);
                }

                var tokens = ctx.RequestServices!.GetRequiredService<PreviewTokens>();
                var result = await tokens.MintAsync(articleId, input.Version, input.ExpiresInMinutes ?? PreviewTokens.DefaultLifetimeMinutes, ctx.User.GetActorName(), ctx.CancellationToken);
                return new PreviewTokenPayload(result.Value?.Token, result.Value?.Secret, result.Errors);
            });

        mutation.Field<NonNullGraphType<PreviewTokenPayloadGraphType>>("revokePreviewToken")
            .Description("Stops a preview token from working, at once and on every instance.")
            .Argument<NonNullGraphType<RevokePreviewTokenInputGraphType>>("input")
            .RequireRole(Role.Publisher)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RevokePreviewTokenInput>("input");
                if (!GlobalId.TryDecode(input.Id, out var type, out var tokenId) || type != PreviewTokenGraphType.TypeName)
                {
                    return new PreviewTokenPayload(null, null, [new NotFoundError("Preview token", input.Id)]);
                }

                var result = await ctx.RequestServices!.GetRequiredService<PreviewTokens>().RevokeAsync(tokenId, ctx.User.GetActorName(), ctx.CancellationToken);
                return new PreviewTokenPayload(result.Value, null, result.Errors);
            });
    }
}
