using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class PlaceGraphType : ObjectGraphType<Place>
{
    public PlaceGraphType()
    {
        Name = "Place";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<StringGraphType>("country").Resolve(ctx => ctx.Source.Country);
        Field<FloatGraphType>("latitude").Description("WGS 84 degrees, north positive.").Resolve(ctx => ctx.Source.Latitude);
        Field<FloatGraphType>("longitude").Description("WGS 84 degrees, east positive.").Resolve(ctx => ctx.Source.Longitude);
    }
}
