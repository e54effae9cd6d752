using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Media;
using Cms.Model.Querying;
using Cms.Model.Taxonomy;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

public sealed class ListFilterInputTypeOfTagFilterInputGraphType()
    : ListFilterInputGraphType<TagFilterInputGraphType, TagFilter>("TagFilterInput", "tags");
