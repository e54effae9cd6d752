namespace Cms.Api.Transport;

/// <summary>
/// An answer one request is computing for a cache key, that other requests missing the same key at the same time wait
/// for instead of computing it again (request coalescing). It ends with the answer when that was stored in the cache,
/// and with null when it was not (an error, a change seen meanwhile, a failure): then each waiting request computes its own.
/// </summary>
public sealed class PendingAnswer
{
    private readonly TaskCompletionSource<CachedResponse?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PendingAnswer(string flightKey) => FlightKey = flightKey;

    /// <summary>The cache key and the generation it was looked up in: a computation begun after a change is another one.</summary>
    internal string FlightKey { get; }

    public Task<CachedResponse?> WaitAsync(CancellationToken cancellationToken) => _answer.Task.WaitAsync(cancellationToken);

    /// <summary>Ends the computation; only the first call counts.</summary>
    internal void End(CachedResponse? answer) => _answer.TrySetResult(answer);
}
