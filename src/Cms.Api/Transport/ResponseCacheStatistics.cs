namespace Cms.Api.Transport;

/// <summary>
/// What the response cache has done since start-up; <see cref="Coalesced"/> counts misses answered by another request
/// computing the same answer at the same time.
/// </summary>
public sealed record ResponseCacheStatistics(long Hits, long Misses, long Evictions, long Bytes, int Entries, long Coalesced);
