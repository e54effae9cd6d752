namespace Cms.Api.SchemaCore;

/// <summary>Registers the node fields; features add their <see cref="INodeResolver"/>s.</summary>
public static class NodeExtensions
{
    public static IServiceCollection AddNodeResolver<TResolver>(this IServiceCollection services)
        where TResolver : class, INodeResolver
    {
        services.AddScoped<INodeResolver, TResolver>();
        return services;
    }
}
