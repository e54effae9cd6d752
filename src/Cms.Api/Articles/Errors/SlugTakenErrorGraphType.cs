using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class SlugTakenErrorGraphType : UserErrorGraphType<SlugTakenError>
{
    public SlugTakenErrorGraphType()
        : base("SlugTakenError", "Another article uses the slug, now or as a former slug that still redirects.") =>
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(ctx => ctx.Source.Slug);
}
