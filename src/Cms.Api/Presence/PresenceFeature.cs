using Cms.Api.SchemaCore;
using Cms.Model.Editing;

namespace Cms.Api.Presence;

public static class PresenceFeature
{
    /// <summary>
    /// Presence: who else has an article open in an editor. Each open editor reports itself (a mutation every 15
    /// seconds) and is told who else is there; the rows live in the database, so every instance sees everyone.
    /// </summary>
    public static IServiceCollection AddPresence(this IServiceCollection services)
    {
        services.AddScoped<PresenceBoard>();
        services.AddSingleton<IMutationFields, PresenceMutations>();
        return services;
    }
}
