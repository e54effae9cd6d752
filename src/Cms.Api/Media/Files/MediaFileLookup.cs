using System.Collections.Concurrent;
using Cms.Model.Media;

namespace Cms.Api.Media;

/// <summary>
/// What a file request needs of an asset (the row, and whether a published article uses it), kept for a second or two.
/// Bytes, file name and storage key never change; only the published state and existence do, and a published file is
/// cached for a year downstream anyway, so a short window costs nothing while it spares two statements per request.
/// </summary>
public sealed class MediaFileLookup(TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>The asset (null when there is none) and whether it is public, read at most once per lifetime.</summary>
    public async Task<(MediaAsset? Asset, bool IsPublished)> FindAsync(Guid assetId, MediaAssetLists lists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(assetId, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return (cached.Asset, cached.IsPublished);
        }

        var asset = (await lists.GetManyAsync([assetId], cancellationToken)).GetValueOrDefault(assetId);
        var isPublished = asset is not null && (await lists.PublishedAsync([assetId], cancellationToken)).Contains(assetId);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[assetId] = new Entry(asset, isPublished, now);
        return (asset, isPublished);
    }

    private sealed record Entry(MediaAsset? Asset, bool IsPublished, DateTimeOffset ReadAt);
}
