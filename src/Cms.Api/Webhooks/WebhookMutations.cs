using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

/// <summary>Managing webhook subscriptions (admins), in the mutation convention.</summary>
public sealed class WebhookMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Mutation<CreateWebhookInputGraphType, WebhookSecretPayloadGraphType>("createWebhook", Role.Admin,
                "Subscribes a URL to change events from now on; the payload's secret is the only time it is shown.")
            .Handle<CreateWebhookInput, WebhookService>(async (input, webhooks, context) =>
            {
                var result = await webhooks.CreateAsync(input.Url, input.Events, input.Description, input.Active ?? true, context.Actor, context.CancellationToken);
                return new WebhookSecretPayload(result.Value?.Subscription, result.Value?.Secret, result.Errors);
            });

        mutation.Mutation<UpdateWebhookInputGraphType, WebhookPayloadGraphType>("updateWebhook", Role.Admin,
                "Changes a webhook's URL, events, description or whether it is active.")
            .Handle<UpdateWebhookInput, WebhookService>(async (input, webhooks, context) =>
            {
                if (KeyOf(input.Id) is not { } id)
                {
                    return new WebhookPayload(null, [NotFound(input.Id)]);
                }

                var result = await webhooks.UpdateAsync(id, new WebhookChanges(input.Url, input.Events, input.Description, input.Active), context.CancellationToken);
                return new WebhookPayload(result.Value, result.Errors);
            });

        mutation.Mutation<DeleteWebhookInputGraphType, WebhookPayloadGraphType>("deleteWebhook", Role.Admin,
                "Deletes a webhook with its pending deliveries and its log.")
            .Handle<DeleteWebhookInput, WebhookService>(async (input, webhooks, context) =>
            {
                if (KeyOf(input.Id) is not { } id)
                {
                    return new WebhookPayload(null, [NotFound(input.Id)]);
                }

                var result = await webhooks.DeleteAsync(id, context.CancellationToken);
                return new WebhookPayload(result.Value, result.Errors);
            });

        mutation.Mutation<RotateWebhookSecretInputGraphType, WebhookSecretPayloadGraphType>("rotateWebhookSecret", Role.Admin,
                "Makes a new signing secret, shown once; the old one keeps signing beside it for Webhooks:SecretOverlap.")
            .Handle<RotateWebhookSecretInput, WebhookService>(async (input, webhooks, context) =>
            {
                if (KeyOf(input.Id) is not { } id)
                {
                    return new WebhookSecretPayload(null, null, [NotFound(input.Id)]);
                }

                var result = await webhooks.RotateSecretAsync(id, context.CancellationToken);
                return new WebhookSecretPayload(result.Value?.Subscription, result.Value?.Secret, result.Errors);
            });

        mutation.Mutation<RedeliverWebhookEventInputGraphType, WebhookDeliveryPayloadGraphType>("redeliverWebhookEvent", Role.Admin,
                "Sends a delivery again (with the same webhook-id), whatever became of it; its log is kept.")
            .Handle<RedeliverWebhookEventInput, WebhookService>(async (input, webhooks, context) =>
            {
                if (GlobalId.KeyOf(input.Id, WebhookDeliveryGraphType.TypeName) is not { } id)
                {
                    return new WebhookDeliveryPayload(null, [new NotFoundError("Webhook delivery", input.Id)]);
                }

                var result = await webhooks.RedeliverAsync(id, context.CancellationToken);
                return new WebhookDeliveryPayload(result.Value, result.Errors);
            });

        mutation.Mutation<SendTestWebhookInputGraphType, WebhookDeliveryPayloadGraphType>("sendTestWebhook", Role.Admin,
                "Sends a `webhook.test` event to the webhook, signed, retried and logged like any other.")
            .Handle<SendTestWebhookInput, WebhookService>(async (input, webhooks, context) =>
            {
                if (KeyOf(input.Id) is not { } id)
                {
                    return new WebhookDeliveryPayload(null, [NotFound(input.Id)]);
                }

                var result = await webhooks.SendTestAsync(id, context.CancellationToken);
                return new WebhookDeliveryPayload(result.Value, result.Errors);
            });
    }

    private static Guid? KeyOf(string id) => GlobalId.KeyOf(id, WebhookGraphType.TypeName);

    private static NotFoundError NotFound(string id) => new("Webhook", id);
}
