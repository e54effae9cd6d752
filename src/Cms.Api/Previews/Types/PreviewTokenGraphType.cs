using Cms.Api.Articles;
using Cms.Api.SchemaCore;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Previews;

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
