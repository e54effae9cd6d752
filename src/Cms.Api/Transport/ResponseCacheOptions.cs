using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>
/// Serialized answers to anonymous queries, kept in memory and dropped whenever the application's content version moves
/// (read every <see cref="PollInterval"/> from the database all instances share).
/// </summary>
public sealed class ResponseCacheOptions
{
    /// <summary>Answer repeated anonymous queries from memory. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most bytes of answers kept; the least recently used go first. Default 64 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How often the content version is read. A change made on another instance is served stale for at most about this
    /// long; changes made through this instance drop its cache at once. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
