using Cms.Api.SchemaCore;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed class ApiKeyGraphType : ObjectGraphType<ApiKey>
{
    public const string TypeName = "ApiKey";

    public ApiKeyGraphType()
    {
        Name = TypeName;
        Description = "An API key. Its secret is never shown again after creation.";
        this.RequireRole(Role.Admin);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("publicId").Description("The non-secret part of the key (after cmsk_), safe to show.").Resolve(ctx => ctx.Source.PublicId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.CreatedBy);
        Field<DateTimeGraphType>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<DateTimeGraphType>("lastUsedAt").Description("Accurate to about a minute.").Resolve(ctx => ctx.Source.LastUsedAt);
        Field<DateTimeGraphType>("revokedAt").Resolve(ctx => ctx.Source.RevokedAt);
    }
}
