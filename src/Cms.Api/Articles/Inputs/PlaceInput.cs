using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record PlaceInput(string Name, string? Country, double? Latitude, double? Longitude)
{
    public Place ToPlace() => new(Name, Country, Latitude, Longitude);
}

public sealed class PlaceInputGraphType : InputObjectGraphType<PlaceInput>
{
    public PlaceInputGraphType()
    {
        Name = "PlaceInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("country");
        Field<FloatGraphType>("latitude");
        Field<FloatGraphType>("longitude");
    }
}
