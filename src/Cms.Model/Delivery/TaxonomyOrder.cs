namespace Cms.Model.Delivery;

/// <summary>How tag and place lists are ordered; the key (slug, or name and country) always breaks ties.</summary>
public enum TaxonomyOrder
{
    /// <summary>The most used first.</summary>
    MostUsed,

    /// <summary>By slug (tags) or name and country (places).</summary>
    ByKey,
}
