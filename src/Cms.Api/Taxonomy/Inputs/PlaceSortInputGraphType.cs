namespace Cms.Api.Taxonomy;

/// <summary><c>PlaceSortInput</c>: by name or by use.</summary>
public sealed class PlaceSortInputGraphType() : TaxonomySortInputGraphType("PlaceSortInput", "name", "Order places by name (then country) or by how many published articles name them; ties are broken by name and country.");
