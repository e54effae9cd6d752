using System.ComponentModel.DataAnnotations;

namespace Cms.Model.Delivery;

/// <summary>Settings of <see cref="VersionCache"/> (section <c>Delivery:VersionCache</c>).</summary>
public sealed class VersionCacheOptions
{
    public const string SectionName = "Delivery:VersionCache";

    /// <summary>Memory the cached versions may take, estimated from their text; 0 turns the cache off.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "It must be 0 (off) or a positive number of bytes.")]
    public long MaxBytes { get; set; } = 32 * 1024 * 1024;
}
