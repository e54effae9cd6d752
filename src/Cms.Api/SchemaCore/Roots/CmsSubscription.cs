using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class CmsSubscription : ObjectGraphType
{
    public CmsSubscription(IEnumerable<ISubscriptionFields> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = "Subscription";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
