namespace Cms.Api.Transport;

/// <summary>What the response cache has done since start-up.</summary>
public sealed record ResponseCacheStatistics(long Hits, long Misses, long Evictions, long Bytes, int Entries);
