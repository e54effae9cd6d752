using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>A feature's contribution to the root mutation type (see <see cref="IQueryFields"/>).</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
