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
        var owing = subscriptions
            .Select(subscription => (Subscription: subscription, Owed: events.Where(e => e.Sequence > subscription.Cursor).ToList()))
            .Where(s => s.Owed.Count > 0)
            .ToList();
        return owing.Count == 0 ? 0 : await TakeAsync(owing, cancellationToken);
    }

    /// <summary>Claims up to <paramref name="max"/> deliveries that are due, for this instance to send.</summary>
    public async Task<IReadOnlyList<long>> ClaimDueAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var candidates = await DueDeliveries(db, now).Take(max).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // One statement claims the batch; whatever another instance took meanwhile keeps its claim and is not read back.
        var token = Guid.NewGuid();
        var until = now + policy.ClaimLease;
        await db.WebhookDeliveries
            .Where(d => candidates.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until).SetProperty(d => d.ClaimToken, token), cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.ClaimToken == token).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
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

    /// <summary>
    /// Sends the deliveries this instance claimed, all at once, and records every attempt in one transaction: the database
    /// is written once per batch, not once per delivery, so that publishing is not held up by a burst of deliveries.
    /// Returns how many were sent.
    /// </summary>
    public async Task<int> DeliverAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);

        // Read afresh: deliveries this context made in the fan-out are tracked without the claim written since.
        db.ChangeTracker.Clear();
        var deliveries = await db.WebhookDeliveries
            .Where(d => deliveryIds.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending)
            .ToListAsync(cancellationToken);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var sending = deliveries.Where(d => subscriptions.ContainsKey(d.SubscriptionId)).ToList();
        var results = await Task.WhenAll(sending.Select(async delivery =>
        {
            var subscription = subscriptions[delivery.SubscriptionId];
            var at = clock.GetUtcNow();
            var headers = WebhookSignature.Headers(subscription.SigningSecrets(at.UtcDateTime), delivery.MessageId.ToString(), at, delivery.Payload);
            return (Delivery: delivery, At: at.UtcDateTime, Response: await sender.SendAsync(new Uri(subscription.Url), headers, delivery.Payload, cancellationToken));
        }));

        foreach (var (delivery, at, response) in results)
        {
            delivery.Record(response, at, policy, Random.Shared);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var group in results.GroupBy(r => r.Delivery.SubscriptionId))
        {
            var last = group.MaxBy(r => r.At);
            var failure = group.Any(r => r.Response.IsSuccess) ? null : last.Response;
            await TrackHealthAsync(subscriptions[group.Key], failure, last.At, cancellationToken);
        }

        return results.Length;
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

    /// <summary>
    /// Moves every owing subscription's cursor and makes its deliveries, in one transaction: if another instance moved
    /// any of these cursors first, nothing is written and that instance's fan-out stands. The bodies are written before
    /// the transaction begins, so that it holds the database's write lock (SQLite has one) only for the statements.
    /// </summary>
    private Task<int> TakeAsync(IReadOnlyList<(WebhookSubscription Subscription, List<ChangeEvent> Owed)> owing, CancellationToken cancellationToken)
    {
        var bodies = owing.SelectMany(o => o.Subscription.Active ? o.Owed.Where(e => o.Subscription.Wants(e.Type)) : [])
            .DistinctBy(e => e.Id)
            .ToDictionary(e => e.Id, payloads.Write);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now();
            var made = 0;
            foreach (var (subscription, owed) in owing)
            {
                var moved = await db.WebhookSubscriptions
                    .Where(s => s.Id == subscription.Id && s.Cursor == subscription.Cursor)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Cursor, owed[^1].Sequence), cancellationToken);
                if (moved == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return 0;
                }

                foreach (var change in subscription.Active ? owed.Where(e => subscription.Wants(e.Type)) : [])
                {
                    db.Add(WebhookDelivery.Create(subscription.Id, change.Id, change.Sequence, change.Type, OrderingKeyOf(change), bodies[change.Id], now));
                    made++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return made;
        });
    }

    /// <summary>
    /// A batch with a success (<paramref name="failure"/> null) clears the failing mark; one with only failures sets it, and
    /// turns the subscription off once it has failed too long.
    /// </summary>
    private async Task TrackHealthAsync(WebhookSubscription subscription, WebhookResponse? failure, DateTime at, CancellationToken cancellationToken)
    {
        // Conditional updates, so that an admin's edit of the same subscription is never overwritten.
        if (failure is null)
        {
            if (subscription.FailingSince is null)
            {
                return;
            }

            await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.FailingSince != null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, (DateTime?)null), cancellationToken);
            return;
        }

        await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.FailingSince == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, at), cancellationToken);
        var failingBefore = at - policy.DisableAfter;
        var reason = WebhookAttempt.Clip(
            $"Deliveries failed for more than {policy.DisableAfter.TotalHours:0.##} hours; the last: {failure.Error ?? $"HTTP {failure.StatusCode}"}.",
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
