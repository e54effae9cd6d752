using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class VersionConflictErrorGraphType : UserErrorGraphType<VersionConflictError>
{
    public VersionConflictErrorGraphType()
        : base("VersionConflictError", "Someone saved first: reload the current version, merge, and try again with it as expectedVersion.")
    {
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Resolve(ctx => ctx.Source.ExpectedVersion);
        Field<NonNullGraphType<IntGraphType>>("currentVersion").Resolve(ctx => ctx.Source.CurrentVersion);
    }
}
