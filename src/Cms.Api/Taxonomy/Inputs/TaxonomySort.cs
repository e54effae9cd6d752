using Cms.Model.Delivery;

namespace Cms.Api.Taxonomy;

/// <summary>The order of a tag or place list, as HotChocolate's sort inputs read: one field, ASC or DESC.</summary>
public sealed record TaxonomySort(TaxonomyOrder Order, bool Descending);
