namespace Cms.Api.Taxonomy;

/// <summary><c>TagSortInput</c>: by slug or by use.</summary>
public sealed class TagSortInputGraphType() : TaxonomySortInputGraphType("TagSortInput", "slug", "Order tags by slug or by how many published articles carry them; ties are broken by slug.");
