using Cms.Api.SchemaCore;
using Cms.Model.Security;

namespace Cms.Api.ApiKeys;

public static class ApiKeysFeature
{
    /// <summary>The API-key feature: the key service (which authentication reads too), <c>me</c>, and key management for admins.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<IQueryFields, ApiKeyQueries>();
        services.AddSingleton<IMutationFields, ApiKeyMutations>();
        return services;
    }
}
