using Cms.Api.Common;
using GraphQL;

namespace Cms.Api.SchemaCore;

/// <summary>
/// What a mutation's handler is given besides its typed input and its service: who acts, the request's cancellation, and
/// what the payload selects, so that a payload loads only the parts a client asked for.
/// </summary>
public sealed class MutationContext(IResolveFieldContext resolveContext)
{
    /// <summary>The name recorded as the author of the change.</summary>
    public string Actor => resolveContext.User.GetActorName();

    public CancellationToken CancellationToken => resolveContext.CancellationToken;

    /// <summary>The fields the payload selects at <paramref name="path"/> (none: the payload's own fields).</summary>
    public ISet<string> Selected(params string[] path) => Selections.FieldNamesAt(resolveContext, path);
}
