using Cms.Api.SchemaCore;

namespace Cms.Api.Taxonomy;

public static class TaxonomyExtensions
{
    /// <summary>The taxonomy feature: the tags and places of published articles, with their counts.</summary>
    public static IServiceCollection AddTaxonomy(this IServiceCollection services)
    {
        services.AddSingleton<IQueryFields, TaxonomyQueries>();
        return services;
    }
}
