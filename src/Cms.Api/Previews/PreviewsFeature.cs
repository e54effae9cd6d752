using Cms.Api.SchemaCore;
using Cms.Model.Security;

namespace Cms.Api.Previews;

public static class PreviewsFeature
{
    /// <summary>
    /// The preview feature: preview tokens (read-only access to one article's draft for a front end's preview page), the
    /// service authentication checks them with, and the mutations that mint and revoke them.
    /// </summary>
    public static IServiceCollection AddPreviews(this IServiceCollection services)
    {
        services.AddScoped<PreviewTokens>();
        services.AddSingleton<IMutationFields, PreviewTokenMutations>();
        return services;
    }
}
