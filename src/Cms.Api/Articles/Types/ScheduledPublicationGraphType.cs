using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ScheduledPublicationGraphType : ObjectGraphType<Model.Articles.ScheduledPublication>
{
    public ScheduledPublicationGraphType()
    {
        Name = "ScheduledPublication";
        Description = "A publication set for a later moment.";
        this.RequireRole(Model.Security.Role.Viewer);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(ctx => ctx.Source.VersionNumber);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.CreatedBy);
    }
}
