using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class CmsQuery : ObjectGraphType
{
    public CmsQuery(IEnumerable<IQueryFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Query";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
