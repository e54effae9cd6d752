using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class CmsMutation : ObjectGraphType
{
    public CmsMutation(IEnumerable<IMutationFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Mutation";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
