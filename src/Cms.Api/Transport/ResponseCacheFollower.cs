namespace Cms.Api.Transport;

/// <summary>
/// Follows the content change feed for the response cache: each call reads the changes recorded since the last and drops
/// the answers they made stale. The background poll calls it every <see cref="ResponseCacheOptions.PollInterval"/>
/// (changes on other instances); the transport calls it after every mutation (changes through this instance, dropped
/// before the mutation is answered). When the feed cannot be read the cache is switched off until it can.
/// </summary>
public sealed class ResponseCacheFollower(ResponseCache cache, IEnumerable<IContentChangeFeed> feeds) : IDisposable
{
    private readonly IContentChangeFeed? _feed = feeds.LastOrDefault();
    private readonly SemaphoreSlim _reading = new(1, 1);
    private long? _position;

    public bool CanFollow => cache.Enabled && _feed is not null;

    /// <summary>Reads the feed up to now and drops what it names; throws (after switching the cache off) when it cannot.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (!CanFollow)
        {
            return;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_position is not { } position)
            {
                _position = await _feed!.GetPositionAsync(cancellationToken);
                cache.Start();
                return;
            }

            ContentChangeBatch batch;
            do
            {
                batch = await _feed!.ReadAfterAsync(position, cancellationToken);
                cache.Invalidate(batch.StaleTags);
                _position = position = batch.Position;
            }
            while (batch.More);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _position = null;
            cache.ChangesUnknown();
            throw;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();
}
