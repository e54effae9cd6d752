using Cms.Api.SchemaCore;
using Cms.Model.Delivery;

namespace Cms.Api.Taxonomy;

public static class TaxonomyFeature
{
    /// <summary>The taxonomy feature: the tags and places of published articles, with their counts.</summary>
    public static IServiceCollection AddTaxonomy(this IServiceCollection services)
    {
        services.AddScoped<TaxonomyLists>();
        services.AddSingleton<IQueryFields, TaxonomyQueries>();
        return services;
    }
}
