using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed class WebhookDeliveryStatusGraphType : EnumerationGraphType<WebhookDeliveryStatus>
{
    public WebhookDeliveryStatusGraphType()
    {
        Name = "WebhookDeliveryStatus";
        Description = "PENDING: waiting for its first try, a retry or an earlier event of the same article. SUCCEEDED: answered 2xx. FAILED: given up.";
    }
}
