using Cms.Model.Events;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Webhooks;

/// <summary>Webhook subscriptions for admins: create, change, rotate the secret, delete, list, and their delivery logs.</summary>
public sealed class WebhookService(CmsDbContext db, IWebhookUrlRules urlRules, IWebhookPayloadWriter payloads, WebhookPolicy policy, TimeProvider clock)
{
    public const int MaxSubscriptions = 100;

    public async Task<EditResult<CreatedWebhook>> CreateAsync(
        string url, IReadOnlyList<string> eventTypes, string? description, bool active, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<EditError>();
        var checkedUrl = CheckUrl(url, problems);
        var types = CheckEventTypes(eventTypes, problems);
        var text = CheckDescription(description, problems);
        if (problems.Count == 0 && await db.WebhookSubscriptions.CountAsync(cancellationToken) >= MaxSubscriptions)
        {
            problems.Add(new InvalidStateError($"At most {MaxSubscriptions} webhook subscriptions can exist; delete one first."));
        }

        if (problems.Count > 0)
        {
            return EditResult.Failure<CreatedWebhook>(problems);
        }

        var secret = WebhookSignature.NewSecret();
        var cursor = await ChangeFeedReader.LatestSequenceAsync(db.ChangeEvents, cancellationToken);
        var subscription = WebhookSubscription.Create(checkedUrl!, types!, text, active, secret, cursor, actor, Now());
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(new CreatedWebhook(subscription, secret));
    }

    public async Task<EditResult<WebhookSubscription>> UpdateAsync(Guid id, WebhookChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return EditResult.Failure<WebhookSubscription>(new NotFoundError("Webhook", id.ToString()));
        }

        var problems = new List<EditError>();
        var url = changes.Url is null ? null : CheckUrl(changes.Url, problems);
        var types = changes.EventTypes is null ? null : CheckEventTypes(changes.EventTypes, problems);
        var text = changes.Description is null ? null : CheckDescription(changes.Description, problems);
        if (problems.Count > 0)
        {
            return EditResult.Failure<WebhookSubscription>(problems);
        }

        subscription.Change(url, types, text, clearDescription: changes.Description is { Length: 0 } || (changes.Description is not null && text is null), changes.Active, Now());
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(subscription);
    }

    /// <summary>A new secret, shown once; the old one keeps signing (beside the new) for the policy's overlap.</summary>
    public async Task<EditResult<CreatedWebhook>> RotateSecretAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return EditResult.Failure<CreatedWebhook>(new NotFoundError("Webhook", id.ToString()));
        }

        var now = Now();
        var secret = WebhookSignature.NewSecret();
        subscription.Rotate(secret, now + policy.SecretOverlap, now);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(new CreatedWebhook(subscription, secret));
    }

    /// <summary>Deletes the subscription with its deliveries and their log.</summary>
    public async Task<EditResult<WebhookSubscription>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return EditResult.Failure<WebhookSubscription>(new NotFoundError("Webhook", id.ToString()));
        }

        // The database cascades to deliveries and attempts, in the same statement.
        db.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(subscription);
    }

    /// <summary>Sends the delivery again from its first step: pending now, its log kept, the same <c>webhook-id</c>.</summary>
    public async Task<EditResult<WebhookDelivery>> RedeliverAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var changed = await db.WebhookDeliveries
            .Where(d => d.PublicId == deliveryId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                    .SetProperty(d => d.NextAttemptAt, now)
                    .SetProperty(d => d.CompletedAt, (DateTime?)null)
                    .SetProperty(d => d.RetriesFrom, now),
                cancellationToken);
        if (changed == 0)
        {
            return EditResult.Failure<WebhookDelivery>(new NotFoundError("Webhook delivery", deliveryId.ToString()));
        }

        // Its retry window starts again from now, as an admin asking for it again would expect.
        return EditResult.Success(await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.PublicId == deliveryId, cancellationToken));
    }

    /// <summary>A <c>webhook.test</c> delivery, made at once and sent as any other (signed, retried, logged).</summary>
    public async Task<EditResult<WebhookDelivery>> SendTestAsync(Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == subscriptionId, cancellationToken))
        {
            return EditResult.Failure<WebhookDelivery>(new NotFoundError("Webhook", subscriptionId.ToString()));
        }

        var now = Now();
        var delivery = WebhookDelivery.Create(subscriptionId, Guid.CreateVersion7(now), null, WebhookEventTypes.Test, null, payloads.WriteTest(subscriptionId, now), now);
        db.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(delivery);
    }

    /// <summary>A page of subscriptions, oldest first. There are at most <see cref="MaxSubscriptions"/>, so they are read whole.</summary>
    public async Task<(IReadOnlyList<WebhookSubscription> Items, bool HasMore)> PageAsync(int size, Guid? after, CancellationToken cancellationToken = default)
    {
        var all = (await db.WebhookSubscriptions.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToList();
        var start = after is { } from ? all.FindIndex(s => s.Id == from) + 1 : 0;
        var items = all.Skip(start).Take(size).ToList();
        return (items, start + size < all.Count);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.WebhookSubscriptions.CountAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, WebhookSubscription>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        await db.WebhookSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

    /// <summary>A subscription's deliveries, newest first, with their attempts when asked for.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, bool HasMore)> DeliveriesAsync(
        Guid subscriptionId, WebhookDeliveryStatus? status, int size, long? before, bool withAttempts, CancellationToken cancellationToken = default)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        if (before is { } from)
        {
            query = query.Where(d => d.Id < from);
        }

        if (withAttempts)
        {
            query = query.Include(d => d.Attempts.OrderBy(a => a.Number)).AsSplitQuery();
        }

        var items = await query.OrderByDescending(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        return (items.Take(size).ToList(), items.Count > size);
    }

    public Task<int> CountDeliveriesAsync(Guid subscriptionId, WebhookDeliveryStatus? status, CancellationToken cancellationToken = default) =>
        db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == subscriptionId && (status == null || d.Status == status), cancellationToken);

    private string? CheckUrl(string url, List<EditError> problems)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0)
        {
            problems.Add(ValidationProblem.Required("url"));
            return null;
        }

        if (trimmed.Length > WebhookSubscription.MaxUrlLength)
        {
            problems.Add(ValidationProblem.TooLong("url", WebhookSubscription.MaxUrlLength));
            return null;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new ValidationProblem("url", ValidationCodes.InvalidFormat, "The URL must be an absolute http or https URL."));
            return null;
        }

        if (parsed.UserInfo.Length > 0 || parsed.Fragment.Length > 0)
        {
            problems.Add(new ValidationProblem("url", ValidationCodes.InvalidFormat, "The URL may not carry a user name, password or fragment; put a token in the path or query."));
            return null;
        }

        if (urlRules.Refusal(parsed) is { } refusal)
        {
            problems.Add(new ValidationProblem("url", WebhookErrorCodes.UrlNotAllowed, refusal));
            return null;
        }

        return parsed.AbsoluteUri;
    }

    private static List<string>? CheckEventTypes(IReadOnlyList<string> eventTypes, List<EditError> problems)
    {
        var distinct = eventTypes.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            problems.Add(ValidationProblem.Required("events", "Name at least one event type."));
            return null;
        }

        var unknown = distinct.Where(type => !ChangeEventTypes.All.Contains(type)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new ValidationProblem("events", ValidationCodes.InvalidValue, $"Not event types: {string.Join(", ", unknown)}."));
            return null;
        }

        return distinct;
    }

    private static string? CheckDescription(string? description, List<EditError> problems)
    {
        var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (text is { Length: > WebhookSubscription.MaxDescriptionLength })
        {
            problems.Add(ValidationProblem.TooLong("description", WebhookSubscription.MaxDescriptionLength));
        }

        return text;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
