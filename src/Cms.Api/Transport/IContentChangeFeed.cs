namespace Cms.Api.Transport;

/// <summary>
/// Tells the transport which cached answers a change made stale. Every change that can alter an answer a caller without
/// credentials may get must be recorded in the same transaction as the change, in storage every instance reads, so that
/// each instance's response cache drops exactly what a change anywhere made stale. Positions only move forward.
/// </summary>
public interface IContentChangeFeed
{
    /// <summary>The position after the newest change recorded now: where a cache that starts empty begins.</summary>
    ValueTask<long> GetPositionAsync(CancellationToken cancellationToken);

    /// <summary>The changes after <paramref name="position"/> (a batch of them), as the tags of the answers they made stale.</summary>
    ValueTask<ContentChangeBatch> ReadAfterAsync(long position, CancellationToken cancellationToken);
}
