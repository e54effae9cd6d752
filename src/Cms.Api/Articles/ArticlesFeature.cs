using Cms.Api.SchemaCore;
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
        services.AddOptions<VersionCacheOptions>().BindConfiguration(VersionCacheOptions.SectionName)
            .Validate(o => o.MaxBytes >= 0, $"{VersionCacheOptions.SectionName}:MaxBytes must be 0 (off) or a positive number of bytes.")
            .ValidateOnStart();
        services.AddSingleton(sp => new VersionCache(sp.GetRequiredService<IOptions<VersionCacheOptions>>().Value));
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
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
