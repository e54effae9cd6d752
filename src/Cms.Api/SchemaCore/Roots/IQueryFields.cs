using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// A feature's contribution to the root query type. GraphQL.NET has no type extensions for code-first
/// roots, so each feature folder (Articles/, later Media/ and Security/) adds its root fields through this.
/// </summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
