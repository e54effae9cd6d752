using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>Apollo-compatible automatic persisted queries.</summary>
public sealed class PersistedQueryOptions
{
    /// <summary>Accept <c>extensions.persistedQuery.sha256Hash</c> and remember queries by hash. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a remembered query stays unused before it is forgotten. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan SlidingExpiration { get; set; } = TimeSpan.FromDays(1);
}
