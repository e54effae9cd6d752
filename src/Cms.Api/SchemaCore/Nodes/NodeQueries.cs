using GraphQL;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// <c>node(id: ID!): Node</c> and <c>nodes(ids: [ID!]!): [Node]!</c> (at most <see cref="MaxIds"/> ids, as HotChocolate),
/// answered by the features' <see cref="INodeResolver"/>s. An id that is malformed, of an unknown type, or of an object the
/// caller may not see gives null.
/// </summary>
public sealed class NodeQueries : IQueryFields
{
    public const int MaxIds = 50;

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
                var resolvers = ResolversOf(context);
                var decoded = ids.Select(id => GlobalId.TryDecode(id, out var type, out var key) && resolvers.ContainsKey(type) ? (type, key) : default).ToList();
                var found = new Dictionary<(string, Guid), object>();
                foreach (var group in decoded.Where(d => d.type is not null).GroupBy(d => d.type, d => d.key))
                {
                    foreach (var (key, node) in await resolvers[group.Key].ResolveManyAsync(context, [.. group.Distinct()]))
                    {
                        found[(group.Key, key)] = node;
                    }
                }

                return decoded.Select(d => d.type is not null && found.TryGetValue(d, out var node) ? node : null).ToList();
            });
    }

    private static async Task<object?> ResolveAsync(IResolveFieldContext context, string? id) =>
        GlobalId.TryDecode(id, out var type, out var key) && ResolversOf(context).TryGetValue(type, out var resolver)
            ? (await resolver.ResolveManyAsync(context, [key])).GetValueOrDefault(key)
            : null;

    private static Dictionary<string, INodeResolver> ResolversOf(IResolveFieldContext context) =>
        context.RequestServices!.GetServices<INodeResolver>().ToDictionary(r => r.TypeName, StringComparer.Ordinal);
}
