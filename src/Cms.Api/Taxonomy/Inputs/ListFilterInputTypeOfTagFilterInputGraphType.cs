using Cms.Api.SchemaCore;
using Cms.Model.Querying;

namespace Cms.Api.Taxonomy;

public sealed class ListFilterInputTypeOfTagFilterInputGraphType()
    : ListFilterInputGraphType<TagFilterInputGraphType, TagFilter>("TagFilterInput", "tags");
