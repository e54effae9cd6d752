using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed class RoleGraphType : EnumerationGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "Ordered roles: each includes the ones before it (VIEWER < EDITOR < PUBLISHER < ADMIN).";
    }
}
