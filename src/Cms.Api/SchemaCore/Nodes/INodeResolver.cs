using GraphQL;

namespace Cms.Api.SchemaCore;

/// <summary>
/// How a feature finds one of its objects by the key in a Relay global id, with the caller's access applied (what the
/// caller may not see is null, exactly as through the feature's own fields). Resolvers are scoped: each takes the
/// services it reads through its constructor.
/// </summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name in the global id (<c>base64("Article:key")</c>).</summary>
    string TypeName { get; }

    /// <summary>The objects among <paramref name="keys"/> the caller may see, by key, read together (for <c>nodes</c>).</summary>
    Task<IReadOnlyDictionary<Guid, object>> ResolveManyAsync(IResolveFieldContext context, IReadOnlyCollection<Guid> keys);
}
