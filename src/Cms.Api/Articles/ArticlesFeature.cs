using Cms.Api.SchemaCore;
using Cms.Api.Settings;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Search;
using Microsoft.Extensions.Options;

namespace Cms.Api.Articles;

public static class ArticlesFeature
{
    /// <summary>
    /// The articles feature: reading published articles, drafts and history (with the version cache), search, the editorial
    /// mutations, and the service that runs scheduled publications.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<ArticleLists>();
        services.AddScoped<ArticleLookup>();
        services.AddScoped<ArticleHistory>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<ScheduledPublisher>();
        services.AddSettings<VersionCacheOptions>(VersionCacheOptions.SectionName);
        services.AddSingleton(sp => new VersionCache(sp.GetRequiredService<IOptions<VersionCacheOptions>>().Value));
        services.AddSettings<SchedulingOptions>(SchedulingOptions.SectionName);
        services.AddHostedService<ScheduledPublishingService>();

        services.AddScoped<ArticleCommands>();
        services.AddScoped<ArticleSearchServices>();
        services.AddScoped<ArticleMediaLoader>();
        services.AddSingleton<IQueryFields, ArticleQueries>();
        services.AddSingleton<IQueryFields, ArticleSearchQueries>();
        services.AddSingleton<IMutationFields, ArticleMutations>();
        services.AddNodeResolver<ArticleNodeResolver>().AddNodeResolver<ArticleVersionNodeResolver>();
        return services;
    }
}
