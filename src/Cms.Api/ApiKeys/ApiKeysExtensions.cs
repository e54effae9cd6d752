using Cms.Api.SchemaCore;

namespace Cms.Api.ApiKeys;

public static class ApiKeysExtensions
{
    /// <summary>The API-key feature: <c>me</c>, and key management for admins.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyFields>();
        services.AddSingleton<IQueryFields>(provider => provider.GetRequiredService<ApiKeyFields>());
        services.AddSingleton<IMutationFields>(provider => provider.GetRequiredService<ApiKeyFields>());
        return services;
    }
}
