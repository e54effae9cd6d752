using System.Collections.Concurrent;
using System.Data.Common;
using Cms.Model.Events;
using Cms.Model.Tests.Infrastructure;
using Cms.Model.Webhooks;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Model.Tests.Webhooks;

/// <summary>
/// The dispatcher's bookkeeping on a real SQLite database: a batch's outcomes are one update per outcome, rows are plain
/// inserts (no generated key read back), and what they write reads back as the domain rules decided. The HTTP side is the
/// host's (tested through a real receiver in the API tests); here a sender answers by address.
/// </summary>
public sealed class WebhookDispatcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Uri Healthy = new("https://receiver.example/healthy");
    private static readonly Uri Failing = new("https://receiver.example/failing");
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(Start);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_fan_out_writes_its_deliveries_as_plain_inserts_that_read_back_as_made()
    {
        var (healthy, failing) = await SubscribeAsync();
        var events = await RecordEventsAsync(articles: 10, eventsEach: 3);
        var statements = new StatementLog();

        var made = await DispatcherAsync(statements, d => d.FanOutAsync());

        Assert.Equal(2 * events.Count, made);
        var inserts = statements.Writes.Where(sql => sql.StartsWith("INSERT INTO \"WebhookDeliveries\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(made, inserts.Count);
        Assert.All(inserts, sql => Assert.DoesNotContain("RETURNING", sql, StringComparison.Ordinal));
        Assert.Equal(2, statements.Writes.Count(sql => sql.StartsWith("UPDATE \"WebhookSubscriptions\"", StringComparison.Ordinal)));
        await using var db = _database.CreateContext();
        var deliveries = await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(events.Count, deliveries.Count(d => d.SubscriptionId == healthy));
        Assert.Equal(events.Count, deliveries.Count(d => d.SubscriptionId == failing));
        var first = deliveries[0];
        var change = events.Single(e => e.Id == first.MessageId);
        Assert.Equal((change.Sequence, change.Type, $"article:{change.ArticleId:N}", $"body of {change.Id}"), (first.EventSequence!.Value, first.EventType, first.OrderingKey!, first.Payload));
        Assert.Equal((WebhookDeliveryStatus.Pending, 0, Start.UtcDateTime, Start.UtcDateTime, DateTimeKind.Utc), (first.Status, first.AttemptCount, first.CreatedAt, first.NextAttemptAt, first.NextAttemptAt.Kind));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.PublicId).Distinct().Count());
        Assert.All(await db.WebhookSubscriptions.AsNoTracking().ToListAsync(), s => Assert.Equal(events[^1].Sequence, s.Cursor));
    }

    [Fact]
    public async Task A_batch_is_recorded_with_one_update_per_outcome_and_its_attempts_as_plain_inserts()
    {
        var (healthy, failing) = await SubscribeAsync();
        await RecordEventsAsync(articles: 12, eventsEach: 1);
        await DispatcherAsync(new StatementLog(), d => d.FanOutAsync());
        var statements = new StatementLog();

        var sent = await DispatcherAsync(statements, async d => await d.DeliverAsync(await d.ClaimDueAsync(64)));

        // The claim is one update; the 12 successes are one group; each of the 12 retries has its own jittered next attempt
        // time, so its own update.
        Assert.Equal(24, sent);
        Assert.Equal(1 + 1 + 12, statements.Writes.Count(sql => sql.StartsWith("UPDATE \"WebhookDeliveries\" AS", StringComparison.Ordinal)));
        var inserts = statements.Writes.Where(sql => sql.StartsWith("INSERT INTO \"WebhookAttempts\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(sent, inserts.Count);
        Assert.All(inserts, sql => Assert.DoesNotContain("RETURNING", sql, StringComparison.Ordinal));
        await using var db = _database.CreateContext();
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Attempts).ToListAsync();
        var at = Start.UtcDateTime;
        Assert.All(deliveries.Where(d => d.SubscriptionId == healthy), d =>
        {
            Assert.Equal((WebhookDeliveryStatus.Succeeded, 1, (int?)204, (DateTime?)at, (DateTime?)at, (DateTime?)null, (Guid?)null), (d.Status, d.AttemptCount, d.LastStatusCode, d.LastAttemptAt, d.CompletedAt, d.ClaimedUntil, d.ClaimToken));
            var attempt = Assert.Single(d.Attempts);
            Assert.Equal((1, at, (int?)204, 12, "ok"), (attempt.Number, attempt.At, attempt.StatusCode, attempt.LatencyMilliseconds, attempt.ResponseStart!));
        });
        Assert.All(deliveries.Where(d => d.SubscriptionId == failing), d =>
        {
            Assert.Equal((WebhookDeliveryStatus.Pending, 1, (int?)503, (DateTime?)null, (Guid?)null), (d.Status, d.AttemptCount, d.LastStatusCode, d.CompletedAt, d.ClaimToken));
            Assert.InRange(d.NextAttemptAt, at.AddSeconds(7), at.AddSeconds(13));
            Assert.Equal((int?)503, Assert.Single(d.Attempts).StatusCode);
        });
        Assert.Equal(12, deliveries.Where(d => d.SubscriptionId == failing).Select(d => d.NextAttemptAt).Distinct().Count());
        var failingHook = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == failing);
        Assert.Equal((DateTime?)at, failingHook.FailingSince);
    }

    private async Task<(Guid Healthy, Guid Failing)> SubscribeAsync()
    {
        await using var db = _database.CreateContext();
        var types = new[] { ChangeEventTypes.ArticleCreated, ChangeEventTypes.ArticleUpdated, ChangeEventTypes.ArticlePublished };
        var healthy = WebhookSubscription.Create(Healthy.ToString(), types, null, true, WebhookSignature.NewSecret(), 0, "admin", Start.UtcDateTime);
        var failing = WebhookSubscription.Create(Failing.ToString(), types, null, true, WebhookSignature.NewSecret(), 0, "admin", Start.UtcDateTime);
        db.AddRange(healthy, failing);
        await db.SaveChangesAsync();
        return (healthy.Id, failing.Id);
    }

    private async Task<List<ChangeEvent>> RecordEventsAsync(int articles, int eventsEach)
    {
        await using var db = _database.CreateContext();
        string[] types = [ChangeEventTypes.ArticleCreated, ChangeEventTypes.ArticleUpdated, ChangeEventTypes.ArticlePublished];
        var events = Enumerable.Range(0, articles).SelectMany(a =>
        {
            var article = Guid.NewGuid();
            return Enumerable.Range(0, eventsEach).Select(e => ChangeEvent.ForArticle(types[e % types.Length], article, $"event-{a}", e + 1, "writer", Start.UtcDateTime));
        }).ToList();
        db.ChangeEvents.AddRange(events);
        await db.SaveChangesAsync();
        return [.. events.OrderBy(e => e.Sequence)];
    }

    private async Task<T> DispatcherAsync<T>(StatementLog statements, Func<WebhookDispatcher, Task<T>> act)
    {
        await using var db = _database.CreateContext(statements);
        return await act(new WebhookDispatcher(db, new AnswerByAddress(), new NamedBodies(), new WebhookPolicy(), _clock));
    }

    /// <summary>The writes a context sent, in order.</summary>
    private sealed class StatementLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _writes = new();

        public IReadOnlyList<string> Writes => [.. _writes];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        private void Note(DbCommand command)
        {
            // SaveChanges sends several statements in one command; each is counted.
            foreach (var statement in command.CommandText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (statement.StartsWith("INSERT", StringComparison.Ordinal) || statement.StartsWith("UPDATE", StringComparison.Ordinal) || statement.StartsWith("DELETE", StringComparison.Ordinal))
                {
                    _writes.Enqueue(statement);
                }
            }
        }
    }

    /// <summary>204 from the healthy address, 503 from the failing one, each after 12 ms.</summary>
    private sealed class AnswerByAddress : IWebhookSender
    {
        public Task<WebhookResponse> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken) =>
            Task.FromResult(url == Healthy
                ? new WebhookResponse(204, TimeSpan.FromMilliseconds(12), "ok", null)
                : new WebhookResponse(503, TimeSpan.FromMilliseconds(12), "busy", null));
    }

    private sealed class NamedBodies : IWebhookPayloadWriter
    {
        public string Write(ChangeEvent change) => $"body of {change.Id}";

        public string WriteTest(Guid subscriptionId, DateTime at) => $"test of {subscriptionId}";
    }
}
