using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class FieldChangeGraphType : ObjectGraphType<FieldChange>
{
    public FieldChangeGraphType()
    {
        Name = "FieldChange";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(ctx => ctx.Source.Field);
        Field<StringGraphType>("oldValue").Resolve(ctx => ctx.Source.OldValue);
        Field<StringGraphType>("newValue").Resolve(ctx => ctx.Source.NewValue);
    }
}
