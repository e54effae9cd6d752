using Cms.Model.Events;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Webhooks;

/// <summary>
/// Turns outbox events into deliveries and sends them, correct with any number of instances on one database: a
/// subscription's new deliveries are taken by whichever instance moves its cursor with a conditional update, and each
/// delivery attempt is claimed the same way, with a lease another instance takes over if the claimant dies. Deliveries
/// of one article (or asset) to one subscription go out in event order; a later one waits while an earlier one retries.
/// </summary>
public sealed class WebhookDispatcher(CmsDbContext db, IWebhookSender sender, IWebhookPayloadWriter payloads, WebhookPolicy policy, TimeProvider clock)
{
    /// <summary>How many outbox events one fan-out reads.</summary>
    public const int FanOutBatch = 500;

    /// <summary>Makes the deliveries owed for new outbox events; returns how many this call made.</summary>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken = default)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return 0;
        }

        var events = await ChangeFeedReader.ReadAfterAsync(db.ChangeEvents, subscriptions.Min(s => s.Cursor), FanOutBatch, Now(), cancellationToken);
        var made = 0;
        foreach (var subscription in subscriptions)
        {
            var owed = events.Where(e => e.Sequence > subscription.Cursor).ToList();
            if (owed.Count > 0)
            {
                made += await TakeAsync(subscription, owed, cancellationToken);
            }
        }

        return made;
    }

    /// <summary>Claims up to <paramref name="max"/> deliveries that are due, for this instance to send.</summary>
    public async Task<IReadOnlyList<long>> ClaimDueAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var candidates = await DueDeliveries(db, now).Take(max).ToListAsync(cancellationToken);
        var claimed = new List<long>(candidates.Count);
        var until = now + policy.ClaimLease;
        foreach (var id in candidates)
        {
            var taken = await db.WebhookDeliveries
                .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>
    /// The ids of deliveries due now whose webhook is active and with no earlier event of the same article still pending
    /// for the same webhook, the earliest due first.
    /// </summary>
    public static IQueryable<long> DueDeliveries(CmsDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Active))
            .Where(d => d.OrderingKey == null || !db.WebhookDeliveries.Any(earlier =>
                earlier.SubscriptionId == d.SubscriptionId && earlier.OrderingKey == d.OrderingKey &&
                earlier.Status == WebhookDeliveryStatus.Pending && earlier.EventSequence < d.EventSequence))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id);
    }

    /// <summary>Sends a delivery this instance claimed and records the attempt; false when there was nothing to send.</summary>
    public async Task<bool> DeliverAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: WebhookDeliveryStatus.Pending })
        {
            return false;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        var at = clock.GetUtcNow();
        var headers = WebhookSignature.Headers(subscription.SigningSecrets(at.UtcDateTime), delivery.MessageId.ToString(), at, delivery.Payload);
        var response = await sender.SendAsync(new Uri(subscription.Url), headers, delivery.Payload, cancellationToken);
        delivery.Record(response, at.UtcDateTime, policy, Random.Shared);
        await db.SaveChangesAsync(cancellationToken);
        await TrackHealthAsync(subscription, response, at.UtcDateTime, cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes outbox events older than <paramref name="eventRetention"/> that every webhook subscription has taken its
    /// deliveries from, and finished deliveries (with their log) older than <paramref name="deliveryRetention"/>.
    /// </summary>
    public async Task<(int Events, int Deliveries)> PruneAsync(TimeSpan eventRetention, TimeSpan deliveryRetention, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var eventsBefore = now - eventRetention;
        var owedFrom = await db.WebhookSubscriptions.MinAsync(s => (long?)s.Cursor, cancellationToken) ?? long.MaxValue;
        var events = await db.ChangeEvents
            .Where(e => e.OccurredAt < eventsBefore && e.Sequence <= owedFrom)
            .ExecuteDeleteAsync(cancellationToken);
        var deliveriesBefore = now - deliveryRetention;
        var deliveries = await db.WebhookDeliveries
            .Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CompletedAt < deliveriesBefore)
            .ExecuteDeleteAsync(cancellationToken);
        return (events, deliveries);
    }

    private Task<int> TakeAsync(WebhookSubscription subscription, IReadOnlyList<ChangeEvent> owed, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = await db.WebhookSubscriptions
                .Where(s => s.Id == subscription.Id && s.Cursor == subscription.Cursor)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Cursor, owed[^1].Sequence), cancellationToken);
            if (moved == 0)
            {
                // Another instance took these events for this subscription.
                await transaction.RollbackAsync(cancellationToken);
                return 0;
            }

            var now = Now();
            var wanted = subscription.Active ? owed.Where(e => subscription.Wants(e.Type)).ToList() : [];
            foreach (var change in wanted)
            {
                db.Add(WebhookDelivery.Create(subscription.Id, change.Id, change.Sequence, change.Type, OrderingKeyOf(change), payloads.Write(change), now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return wanted.Count;
        });

    /// <summary>A success clears the failing mark; a failure sets it, and turns the subscription off once it has failed too long.</summary>
    private async Task TrackHealthAsync(WebhookSubscription subscription, WebhookResponse response, DateTime at, CancellationToken cancellationToken)
    {
        // Conditional updates, so that an admin's edit of the same subscription is never overwritten.
        if (response.IsSuccess)
        {
            await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.FailingSince != null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, (DateTime?)null), cancellationToken);
            return;
        }

        await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.FailingSince == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, at), cancellationToken);
        var failingBefore = at - policy.DisableAfter;
        var reason = WebhookAttempt.Clip(
            $"Deliveries failed for more than {policy.DisableAfter.TotalHours:0.##} hours; the last: {response.Error ?? $"HTTP {response.StatusCode}"}.",
            WebhookSubscription.MaxReasonLength);
        await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.Active && s.FailingSince != null && s.FailingSince <= failingBefore)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Active, false).SetProperty(x => x.DisabledAt, at).SetProperty(x => x.DisabledReason, reason),
                cancellationToken);
    }

    private static string OrderingKeyOf(ChangeEvent change) =>
        change.ArticleId is { } articleId ? $"article:{articleId:N}" : $"media:{change.AssetId:N}";

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
