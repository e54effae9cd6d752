using Cms.Api.SchemaCore;
using Cms.Model.Delivery;

namespace Cms.Api.Articles;

public sealed class ListFilterInputTypeOfPlaceFilterInputGraphType()
    : ListFilterInputGraphType<PlaceFilterInputGraphType, PlaceFilter>("PlaceFilterInput", "places");
