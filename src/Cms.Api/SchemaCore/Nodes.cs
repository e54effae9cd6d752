using GraphQL;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// How a feature finds one of its objects by the key in a Relay global id, with the caller's access applied (what the
/// caller may not see is null, exactly as through the feature's own fields).
/// </summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name in the global id (<c>base64("Article:key")</c>).</summary>
    string TypeName { get; }

    /// <summary>The objects among <paramref name="keys"/> the caller may see, by key, read together (for <c>nodes</c>).</summary>
    Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys);
}

/// <summary>Relay's <c>interface Node { id: ID! }</c>; object types that implement it say so with <c>Interface&lt;NodeInterfaceGraphType&gt;()</c>.</summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "An object with a global id, which node(id:) finds again.";

        // Every id is public: what an object shows beyond it is ruled by its own type.
        this.Public();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id: opaque, stable, unique across types.");
    }
}

/// <summary>
/// <c>node(id: ID!): Node</c> and <c>nodes(ids: [ID!]!): [Node]!</c> (at most <see cref="MaxIds"/> ids, as HotChocolate),
/// answered by the features' <see cref="INodeResolver"/>s. An id that is malformed, of an unknown type, or of an object the
/// caller may not see gives null.
/// </summary>
public sealed class NodeQueries(IEnumerable<INodeResolver> resolvers) : IQueryFields
{
    public const int MaxIds = 50;

    private readonly Dictionary<string, INodeResolver> _resolvers = resolvers.ToDictionary(r => r.TypeName, StringComparer.Ordinal);

    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NodeInterfaceGraphType>("node")
            .Description("The object with this global id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id, as an object's id field gives it.")
            .Public()
            .ResolveAsync(context => ResolveAsync(context, context.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description($"The objects with these global ids, in the same order (null where there is none); at most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids, as objects' id fields give them.")
            .Public()
            .ResolveAsync(async context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    var error = ApiErrors.BadUserInput($"nodes takes at most {MaxIds} ids; {ids.Count} were given.");
                    error.Data["maxAllowedItems"] = MaxIds;
                    error.Data["requestedItems"] = ids.Count;
                    throw error;
                }

                // Each type's ids are read together, one type after the other (resolvers share the request's context).
                var decoded = ids.Select(id => GlobalId.TryDecode(id, out var type, out var key) && _resolvers.ContainsKey(type) ? (type, key) : default).ToList();
                var found = new Dictionary<(string, Guid), object>();
                foreach (var group in decoded.Where(d => d.type is not null).GroupBy(d => d.type, d => d.key))
                {
                    foreach (var (key, node) in await _resolvers[group.Key].ResolveManyAsync(context, [.. group.Distinct()]))
                    {
                        found[(group.Key, key)] = node;
                    }
                }

                return decoded.Select(d => d.type is not null && found.TryGetValue(d, out var node) ? node : null).ToList();
            });
    }

    private async Task<object?> ResolveAsync(IResolveFieldContext context, string? id) =>
        GlobalId.TryDecode(id, out var type, out var key) && _resolvers.TryGetValue(type, out var resolver)
            ? (await resolver.ResolveManyAsync(context, [key])).GetValueOrDefault(key)
            : null;
}

/// <summary>Registers the node fields; features add their <see cref="INodeResolver"/>s.</summary>
public static class NodeExtensions
{
    public static IServiceCollection AddNodeResolver<TResolver>(this IServiceCollection services)
        where TResolver : class, INodeResolver
    {
        services.AddSingleton<INodeResolver, TResolver>();
        return services;
    }
}
