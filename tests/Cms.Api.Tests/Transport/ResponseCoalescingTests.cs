using Cms.Api.Transport;
using Microsoft.Extensions.Options;

namespace Cms.Api.Tests.Transport;

/// <summary>Requests missing the same answer at the same time: one computes it, the others wait for what it stored.</summary>
public sealed class ResponseCoalescingTests : IDisposable
{
    private static readonly CachedResponse Answer = new("{\"data\":{}}"u8.ToArray(), "\"etag\"", null);
    private readonly ResponseCache _cache = new(Options.Create(new GraphQLHttpOptions()));

    public ResponseCoalescingTests() => _cache.Start();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task The_second_miss_of_a_key_waits_for_the_first_and_is_given_its_stored_answer()
    {
        var generation = _cache.Generation;
        var leader = _cache.JoinOrStart("key", generation, out var leads);
        var follower = _cache.JoinOrStart("key", generation, out var follows);
        var waiting = follower.WaitAsync(CancellationToken.None);

        Assert.True(leads);
        Assert.False(follows);
        Assert.Same(leader, follower);
        Assert.False(waiting.IsCompleted);
        Assert.True(_cache.Store("key", Answer, generation, []));
        _cache.End(leader, Answer);
        Assert.Same(Answer, await waiting);

        // A request that missed just before the answer was stored, and asks just after the computation ended, is given it.
        var late = _cache.JoinOrStart("key", generation, out var lateLeads);
        Assert.False(lateLeads);
        Assert.Same(Answer, await late.WaitAsync(CancellationToken.None));

        // Ended, the computation is gone: a miss of another key starts its own.
        _cache.JoinOrStart("other", generation, out var otherLeads);
        Assert.True(otherLeads);
    }

    [Fact]
    public async Task An_answer_not_stored_is_not_shared_and_a_miss_after_a_change_starts_its_own_computation()
    {
        var before = _cache.Generation;
        var leader = _cache.JoinOrStart("key", before, out _);
        var waiting = _cache.JoinOrStart("key", before, out _).WaitAsync(CancellationToken.None);

        _cache.Invalidate();
        var afterChange = _cache.JoinOrStart("key", _cache.Generation, out var leadsAfterChange);
        Assert.False(_cache.Store("key", Answer, before, []));
        _cache.End(leader, null);

        Assert.Null(await waiting);
        Assert.True(leadsAfterChange);
        Assert.NotSame(leader, afterChange);
    }

    [Fact]
    public async Task A_waiting_request_whose_client_left_stops_waiting()
    {
        _cache.JoinOrStart("key", _cache.Generation, out _);
        using var leaving = new CancellationTokenSource();
        var waiting = _cache.JoinOrStart("key", _cache.Generation, out _).WaitAsync(leaving.Token);

        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
