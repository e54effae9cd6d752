using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(ctx => ctx.Source.Title);
        Field<StringGraphType>("url").Resolve(ctx => ctx.Source.Url);
        Field<StringGraphType>("publisher").Resolve(ctx => ctx.Source.Publisher);
        Field<StringGraphType>("note").Resolve(ctx => ctx.Source.Note);
    }
}
