using Cms.Api.Articles;
using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Previews;

/// <summary>The outcome of a preview-token mutation: the token (and, when just made, its secret), or why nothing happened.</summary>
public sealed record PreviewTokenPayload(PreviewToken? PreviewToken, string? Token, IReadOnlyList<EditError> Errors);

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
