using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class DiffSegmentGraphType : ObjectGraphType<DiffSegment>
{
    public DiffSegmentGraphType()
    {
        Name = "DiffSegment";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<DiffKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Text);
    }
}
