using System.Security.Claims;
using Cms.Api.Common;
using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed class CallerGraphType : ObjectGraphType<ClaimsPrincipal>
{
    public CallerGraphType()
    {
        Name = "Caller";
        Description = "Who is asking, as the API sees it.";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.GetActorName());
        Field<RoleGraphType>("role").Description("The effective role; null when the credentials carry no known role.").Resolve(ctx => ctx.Source.GetRole());
    }
}
