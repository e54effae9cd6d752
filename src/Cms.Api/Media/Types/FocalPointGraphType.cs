using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class FocalPointGraphType : ObjectGraphType<FocalPoint>
{
    public FocalPointGraphType()
    {
        Name = "FocalPoint";
        Description = "The point a crop keeps in view: x from the left and y from the top, as fractions (0 to 1) of the image's size.";
        this.Public();
        Field<NonNullGraphType<FloatGraphType>>("x").Resolve(ctx => ctx.Source.X);
        Field<NonNullGraphType<FloatGraphType>>("y").Resolve(ctx => ctx.Source.Y);
    }
}
