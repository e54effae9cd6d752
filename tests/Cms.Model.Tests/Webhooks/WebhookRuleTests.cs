using Cms.Model.Events;
using Cms.Model.Webhooks;

namespace Cms.Model.Tests.Webhooks;

/// <summary>Signing, backoff and what an attempt's answer means for its delivery; the outbox reader's wait at a hole.</summary>
public sealed class WebhookRuleTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly WebhookPolicy Policy = new() { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromHours(4), RetryWindow = TimeSpan.FromHours(24) };

    [Fact]
    public void The_signature_matches_the_standard_webhooks_example()
    {
        // The worked example of the Standard Webhooks specification's reference libraries.
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Headers_carry_one_signature_per_secret()
    {
        var headers = WebhookSignature.Headers([WebhookSignature.NewSecret(), WebhookSignature.NewSecret()], "id-1", new DateTimeOffset(Now), "{}");
        Assert.Equal("id-1", headers[WebhookSignature.IdHeader]);
        Assert.Equal(new DateTimeOffset(Now).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), headers[WebhookSignature.TimestampHeader]);
        Assert.Equal(2, headers[WebhookSignature.SignatureHeader].Split(' ').Length);
        Assert.All(headers[WebhookSignature.SignatureHeader].Split(' '), s => Assert.StartsWith("v1,", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_up_to_the_maximum_and_retry_after_wins_up_to_its_cap()
    {
        var random = new Random(7);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var expected = Math.Min(10 * Math.Pow(2, attempt - 1), 4 * 3600);
            Assert.InRange(WebhookRetries.DelayAfter(attempt, Policy, null, random).TotalSeconds, expected * 0.75, expected * 1.25);
        }

        Assert.Equal(TimeSpan.FromSeconds(30), WebhookRetries.DelayAfter(1, Policy, TimeSpan.FromSeconds(30), random));
        Assert.Equal(Policy.MaxRetryAfter, WebhookRetries.DelayAfter(1, Policy, TimeSpan.FromDays(2), random));
    }

    [Fact]
    public void The_default_schedule_retries_for_about_a_day()
    {
        var random = new Random(11);
        var elapsed = TimeSpan.Zero;
        var attempts = 1;
        while (elapsed + WebhookRetries.DelayAfter(attempts, Policy, null, random) <= Policy.RetryWindow)
        {
            elapsed += WebhookRetries.DelayAfter(attempts, Policy, null, random);
            attempts++;
        }

        Assert.InRange(attempts, 12, 20);
        Assert.True(elapsed > TimeSpan.FromHours(18), elapsed.ToString());
    }

    [Theory]
    [InlineData(200, false, "Succeeded")]
    [InlineData(204, false, "Succeeded")]
    [InlineData(400, false, "Failed")]
    [InlineData(404, false, "Failed")]
    [InlineData(302, false, "Failed")]
    [InlineData(408, false, "Pending")]
    [InlineData(429, false, "Pending")]
    [InlineData(500, false, "Pending")]
    [InlineData(503, false, "Pending")]
    [InlineData(null, false, "Pending")]
    [InlineData(null, true, "Failed")]
    public void An_answer_ends_or_schedules_the_delivery(int? status, bool refused, string outcome)
    {
        var delivery = WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), 1, ChangeEventTypes.ArticlePublished, "article:x", "{}", Now);

        delivery.Record(new WebhookResponse(status, TimeSpan.FromMilliseconds(12), "ok", status is null ? "no answer" : null, Refused: refused), Now, Policy, new Random(1));

        Assert.Equal(outcome, delivery.Status.ToString());
        Assert.Equal(1, delivery.AttemptCount);
        Assert.Single(delivery.Attempts);
        Assert.Null(delivery.ClaimedUntil);
        if (outcome == "Pending")
        {
            Assert.InRange(delivery.NextAttemptAt, Now.AddSeconds(7.5), Now.AddSeconds(12.5));
        }
    }

    [Fact]
    public void Retry_after_counts_from_the_answer_not_from_the_send()
    {
        var delivery = WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), 1, ChangeEventTypes.ArticlePublished, "article:x", "{}", Now);

        // The receiver took three seconds to say "come back in ten".
        delivery.Record(new WebhookResponse(429, TimeSpan.FromSeconds(3), null, "HTTP 429", RetryAfter: TimeSpan.FromSeconds(10)), Now, Policy, new Random(1));

        Assert.Equal(Now.AddSeconds(13), delivery.NextAttemptAt);
    }

    [Fact]
    public void A_retry_beyond_the_window_gives_up_and_says_so()
    {
        var delivery = WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), 1, ChangeEventTypes.ArticlePublished, "article:x", "{}", Now);

        delivery.Record(new WebhookResponse(503, TimeSpan.Zero, null, "HTTP 503"), Now.AddHours(23.999), Policy, new Random(1));

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.StartsWith("Gave up after 1 attempts", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outbox_reader_waits_at_a_young_hole_and_passes_an_old_one()
    {
        var events = new[] { Event(5, Now), Event(6, Now), Event(8, Now), Event(9, Now) };

        Assert.Equal([5L, 6L], ChangeFeedReader.UpToFirstYoungGap(events, 4, Now.AddSeconds(1)).Select(e => e.Sequence));
        Assert.Equal([5L, 6L, 8L, 9L], ChangeFeedReader.UpToFirstYoungGap(events, 4, Now.Add(ChangeFeedReader.GapGrace)).Select(e => e.Sequence));
        Assert.Empty(ChangeFeedReader.UpToFirstYoungGap(events, 3, Now.AddSeconds(1)));
        Assert.Equal([5L, 6L], ChangeFeedReader.UpToFirstYoungGap(events, 0, Now).Select(e => e.Sequence));
    }

    private static ChangeEvent Event(long sequence, DateTime at)
    {
        var change = ChangeEvent.ForAsset(ChangeEventTypes.MediaCreated, Guid.NewGuid(), "tests", at);
        typeof(ChangeEvent).GetProperty(nameof(ChangeEvent.Sequence))!.SetValue(change, sequence);
        return change;
    }
}
