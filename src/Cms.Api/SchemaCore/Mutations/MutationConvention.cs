using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// The one way every mutation is declared, in HotChocolate's mutation-convention shape: <c>name(input: NameInput!):
/// NamePayload!</c>, a required role, a description, and a handler given the typed input, the one service it commands
/// (through GraphQL.NET's DI seam, never fetched inside the handler) and a <see cref="MutationContext"/>. The handler
/// returns the payload; refusals travel in the payload's <c>errors</c>, so a mutation answers 200 with typed errors.
/// The sibling of <see cref="Connections.PagedConnection{TSource, TNodeGraph, TNode, TCursor, TService}"/> for reads.
/// </summary>
public static class MutationConvention
{
    /// <summary>Starts a mutation field on the root mutation type; <see cref="MutationField{TInputGraph, TPayloadGraph}.Handle"/> finishes it.</summary>
    public static MutationField<TInputGraph, TPayloadGraph> Mutation<TInputGraph, TPayloadGraph>(this ObjectGraphType mutation, string name, Role role, string description)
        where TInputGraph : IInputObjectGraphType
        where TPayloadGraph : IGraphType
    {
        ArgumentNullException.ThrowIfNull(mutation);
        return new MutationField<TInputGraph, TPayloadGraph>(mutation, name, role, description);
    }
}
