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
    /// Sends the deliveries this instance claimed, all at once, and records every attempt in one transaction of a few
    /// statements (one update per outcome, then the attempts as plain inserts): the database is written once per batch,
    /// and briefly, so that publishing is not held up by a burst of deliveries. Returns how many were sent.
    /// </summary>
    public async Task<int> DeliverAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);

        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => deliveryIds.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending)
            .ToListAsync(cancellationToken);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var sending = deliveries.Where(d => subscriptions.ContainsKey(d.SubscriptionId)).ToList();

        // One time for the whole batch, sent at once: it signs every message and is each attempt's time in the log (the
        // latency says how long each took), so that the deliveries with the same outcome are recorded by one statement.
        var sentAt = clock.GetUtcNow();
        var at = sentAt.UtcDateTime;
        var responses = await Task.WhenAll(sending.Select(delivery =>
        {
            var subscription = subscriptions[delivery.SubscriptionId];
            var headers = WebhookSignature.Headers(subscription.SigningSecrets(at), delivery.MessageId.ToString(), sentAt, delivery.Payload);
            return sender.SendAsync(new Uri(subscription.Url), headers, delivery.Payload, cancellationToken);
        }));

        for (var i = 0; i < sending.Count; i++)
        {
            sending[i].Record(responses[i], at, policy, Random.Shared);
        }

        await RecordAsync(sending, cancellationToken);
        foreach (var group in sending.Zip(responses).GroupBy(r => r.First.SubscriptionId))
        {
            var failure = group.Any(r => r.Second.IsSuccess) ? null : group.Last().Second;
            await TrackHealthAsync(subscriptions[group.Key], failure, at, cancellationToken);
        }

        return sending.Count;
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
    /// Moves every owing subscription's cursor and makes its deliveries (by <see cref="BulkInsert"/>), in one
    /// transaction: if another instance moved any of these cursors first, nothing is written and that instance's fan-out stands. The bodies are written before
    /// the transaction begins, so that it holds the database's write lock (SQLite has one) only for the statements.
    /// </summary>
    private Task<int> TakeAsync(IReadOnlyList<(WebhookSubscription Subscription, List<ChangeEvent> Owed)> owing, CancellationToken cancellationToken)
    {
        var bodies = owing.SelectMany(o => o.Subscription.Active ? o.Owed.Where(e => o.Subscription.Wants(e.Type)) : [])
            .DistinctBy(e => e.Id)
            .ToDictionary(e => e.Id, payloads.Write);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now();
            var made = new List<WebhookDelivery>();
            foreach (var (subscription, owed) in owing)
            {
                var moved = await db.WebhookSubscriptions
                    .Where(s => s.Id == subscription.Id && s.Cursor == subscription.Cursor)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Cursor, owed[^1].Sequence), cancellationToken);
                if (moved == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return 0;
                }

                foreach (var change in subscription.Active ? owed.Where(e => subscription.Wants(e.Type)) : [])
                {
                    made.Add(WebhookDelivery.Create(subscription.Id, change.Id, change.Sequence, change.Type, OrderingKeyOf(change), bodies[change.Id], now));
                }
            }

            await BulkInsert.InsertAsync(db, made, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return made.Count;
        });
    }

    /// <summary>
    /// Writes what <see cref="WebhookDelivery.Record"/> made of each attempt, in one transaction: one update for each group
    /// of deliveries left in the same state (a batch's successes are one group; a retry's jittered next time makes its own),
    /// and the attempts by <see cref="BulkInsert"/>.
    /// </summary>
    private Task RecordAsync(List<WebhookDelivery> recorded, CancellationToken cancellationToken)
    {
        if (recorded.Count == 0)
        {
            return Task.CompletedTask;
        }

        var outcomes = recorded
            .GroupBy(d => (d.Status, d.AttemptCount, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.CompletedAt))
            .Select(g => (State: g.First(), Ids: g.Select(d => d.Id).ToList()))
            .ToList();
        var attempts = recorded.Select(d => d.Attempts[^1]).ToList();
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (state, ids) in outcomes)
            {
                await WriteOutcomeAsync(db, state, ids, cancellationToken);
            }

            await BulkInsert.InsertAsync(db, attempts, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Gives the deliveries <paramref name="ids"/> the state <paramref name="state"/> was left in by its attempt.</summary>
    internal static Task<int> WriteOutcomeAsync(CmsDbContext db, WebhookDelivery state, List<long> ids, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.Status, state.Status)
                .SetProperty(d => d.AttemptCount, state.AttemptCount)
                .SetProperty(d => d.NextAttemptAt, state.NextAttemptAt)
                .SetProperty(d => d.LastAttemptAt, state.LastAttemptAt)
                .SetProperty(d => d.LastStatusCode, state.LastStatusCode)
                .SetProperty(d => d.LastError, state.LastError)
                .SetProperty(d => d.CompletedAt, state.CompletedAt)
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
                .SetProperty(d => d.ClaimToken, (Guid?)null),
            cancellationToken);

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
