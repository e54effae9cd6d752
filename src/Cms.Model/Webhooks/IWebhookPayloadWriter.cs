using Cms.Model.Events;

namespace Cms.Model.Webhooks;

/// <summary>Writes a delivery's JSON body for an event; the API writes it, so that ids read as they do in GraphQL.</summary>
public interface IWebhookPayloadWriter
{
    string Write(ChangeEvent change);

    string WriteTest(Guid subscriptionId, DateTime at);
}
