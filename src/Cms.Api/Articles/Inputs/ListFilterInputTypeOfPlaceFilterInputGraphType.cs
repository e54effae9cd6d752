using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Delivery;
using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ListFilterInputTypeOfPlaceFilterInputGraphType()
    : ListFilterInputGraphType<PlaceFilterInputGraphType, PlaceFilter>("PlaceFilterInput", "places");
