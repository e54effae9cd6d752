using Cms.Api.SchemaCore;

namespace Cms.Api.Articles;

public static class ArticlesExtensions
{
    /// <summary>The articles feature: reading published articles, drafts and history, and the editorial mutations.</summary>
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<ArticleMediaLoader>();
        services.AddSingleton<IQueryFields, ArticleQueries>();
        services.AddSingleton<IQueryFields, ArticleSearchQueries>();
        services.AddSingleton<IMutationFields, ArticleMutations>();
        services.AddSingleton<IMutationFields, PreviewTokenMutations>();
        services.AddNodeResolver<ArticleNodeResolver>().AddNodeResolver<ArticleVersionNodeResolver>();
        return services;
    }
}
