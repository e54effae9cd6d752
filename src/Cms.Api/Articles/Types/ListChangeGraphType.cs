using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ListChangeGraphType : ObjectGraphType<ListChange>
{
    public ListChangeGraphType()
    {
        Name = "ListChange";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("added").Resolve(ctx => ctx.Source.Added);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("removed").Resolve(ctx => ctx.Source.Removed);
    }
}
