using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>A feature's contribution to the root subscription type, as <see cref="IQueryFields"/> is to the query.</summary>
public interface ISubscriptionFields
{
    void AddTo(ObjectGraphType subscription);
}
