using System.Diagnostics.Metrics;
using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cms.Model.Delivery;

/// <summary>Settings of <see cref="VersionCache"/> (section <c>Delivery:VersionCache</c>).</summary>
public sealed class VersionCacheOptions
{
    public const string SectionName = "Delivery:VersionCache";

    /// <summary>Memory the cached versions may take, estimated from their text; 0 turns the cache off.</summary>
    public long MaxBytes { get; set; } = 32 * 1024 * 1024;
}
