using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>
/// Serialized answers to anonymous queries, kept in memory, each dropped when a change makes it stale (the change feed is
/// read every <see cref="PollInterval"/> from the database all instances share).
/// </summary>
public sealed class ResponseCacheOptions
{
    /// <summary>Answer repeated anonymous queries from memory. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most bytes of answers kept; the least recently used go first. Default 64 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How often the change feed is read. A change made on another instance is served stale for at most about this long;
    /// a change made through this instance is dropped before its mutation is answered. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The header that carries a cacheable GET answer's tags for a CDN that purges by tag: <c>Cache-Tag</c> (Cloudflare,
    /// Akamai; comma-separated, the default) or <c>Surrogate-Key</c> (Fastly; space-separated). Empty: no header.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9-]*$")]
    public string TagHeader { get; set; } = "Cache-Tag";

    /// <summary>How a header lists tags: Fastly's <c>Surrogate-Key</c> with spaces, the others with commas.</summary>
    public static string TagSeparatorOf(string header) =>
        string.Equals(header, "Surrogate-Key", StringComparison.OrdinalIgnoreCase) ? " " : ",";
}
