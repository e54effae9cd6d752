using System.Diagnostics.Metrics;
using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.Extensions.Caching.Memory;

namespace Cms.Model.Delivery;

/// <summary>
/// Versions never change once written, so a published version read once is kept in memory and served from there: there
/// is nothing to invalidate, and several instances on one database agree by construction. Which version an article shows
/// is still read from the article's row on every request, so publishing, unpublishing, deleting and purging take effect
/// at once (a purged article's versions can no longer be reached and age out). Bounded by an estimate of the bytes held;
/// the least recently used go first.
/// </summary>
public sealed class VersionCache : IDisposable
{
    public const string MeterName = "Cms.Model.Delivery";

    private readonly MemoryCache? _entries;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private long _bytes;

    public VersionCache(VersionCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxBytes > 0)
        {
            _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MaxBytes, CompactionPercentage = 0.25 });
        }

        _hits = _meter.CreateCounter<long>("cms.version_cache.hits", description: "Version reads answered from memory.");
        _misses = _meter.CreateCounter<long>("cms.version_cache.misses", description: "Version reads that went to the database.");
        _meter.CreateObservableGauge("cms.version_cache.size", () => Interlocked.Read(ref _bytes), "By", "Estimated bytes of cached versions.");
    }

    public bool Enabled => _entries is not null;

    /// <summary>
    /// The given versions with at least the lists in <paramref name="needed"/>: those read before with them from memory, the
    /// others through <paramref name="loadMissing"/> in one batch, with the short lists always (they come in the same
    /// statement) and the sections only when needed, so a read that selects no section body never reads one.
    /// </summary>
    public async Task<Dictionary<(Guid ArticleId, int Number), ArticleVersion>> GetManyAsync(
        IReadOnlyCollection<(Guid ArticleId, int Number)> wanted,
        VersionParts needed,
        Func<IReadOnlyCollection<(Guid ArticleId, int Number)>, VersionParts, CancellationToken, Task<List<ArticleVersion>>> loadMissing,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(loadMissing);
        var entries = _entries ?? throw new InvalidOperationException("The version cache is off; read the versions from the database.");
        var found = new Dictionary<(Guid ArticleId, int Number), ArticleVersion>(wanted.Count);
        var missing = new HashSet<(Guid ArticleId, int Number)>();
        foreach (var key in wanted)
        {
            if (entries.TryGetValue(key, out Entry? cached) && cached!.Parts.HasFlag(needed))
            {
                found[key] = cached.Version;
            }
            else
            {
                missing.Add(key);
            }
        }

        _hits.Add(found.Count);
        if (missing.Count == 0)
        {
            return found;
        }

        _misses.Add(missing.Count);
        var parts = needed | ShortLists;
        foreach (var version in await loadMissing(missing, parts, cancellationToken))
        {
            var key = (version.ArticleId, version.Number);
            if (missing.Contains(key))
            {
                Add(key, version, parts);
                found[key] = version;
            }
        }

        return found;
    }

    /// <summary>
    /// Versions whose rows were just read (without lists), each replaced by the cached copy when it has the lists in
    /// <paramref name="needed"/>, the others filled from the database (at most two statements) and cached.
    /// </summary>
    public async Task<Dictionary<(Guid ArticleId, int Number), ArticleVersion>> GetOrFillAsync(CmsDbContext db, IReadOnlyCollection<ArticleVersion> rows, VersionParts needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byKey = rows.ToDictionary(v => (v.ArticleId, v.Number));
        return await GetManyAsync(byKey.Keys, needed, async (missing, parts, ct) =>
        {
            List<ArticleVersion> toFill = [.. missing.Select(key => byKey[key])];
            await VersionContentLoader.FillAsync(db, toFill, parts, ct);
            return toFill;
        }, cancellationToken);
    }

    /// <summary>The lists that are read together in one statement, so always cached together.</summary>
    public const VersionParts ShortLists = VersionParts.Places | VersionParts.Tags | VersionParts.KeyFacts | VersionParts.Sources | VersionParts.Media;

    private void Add((Guid ArticleId, int Number) key, ArticleVersion version, VersionParts parts)
    {
        var size = EstimateBytes(version);
        using var entry = _entries!.CreateEntry(key);
        entry.Value = new Entry(version, size, parts);
        entry.Size = size;
        entry.RegisterPostEvictionCallback(static (_, value, _, state) => ((VersionCache)state!).Removed((Entry)value!), this);
        Interlocked.Add(ref _bytes, size);
    }

    private void Removed(Entry entry) => Interlocked.Add(ref _bytes, -entry.Size);

    public void Dispose()
    {
        _entries?.Dispose();
        _meter.Dispose();
    }

    /// <summary>Text dominates a version's footprint: two bytes a character, plus an allowance for each object.</summary>
    internal static long EstimateBytes(ArticleVersion version)
    {
        const int PerObject = 64;
        long chars = version.Title.Length + version.Summary.Length + version.Author.Length + (version.ChangeNote?.Length ?? 0);
        long objects = 1;
        foreach (var place in version.Places)
        {
            chars += place.Name.Length + (place.Country?.Length ?? 0);
            objects++;
        }

        foreach (var tag in version.Tags)
        {
            chars += tag.Slug.Length + tag.Label.Length;
            objects++;
        }

        foreach (var fact in version.KeyFacts)
        {
            chars += fact.Text.Length;
            objects++;
        }

        foreach (var section in version.Sections)
        {
            chars += section.Key.Length + section.Heading.Length + section.Body.Length;
            objects++;
        }

        foreach (var source in version.Sources)
        {
            chars += source.Title.Length + (source.Url?.Length ?? 0) + (source.Publisher?.Length ?? 0) + (source.Note?.Length ?? 0);
            objects++;
        }

        foreach (var media in version.Media)
        {
            chars += media.CaptionOverride?.Length ?? 0;
            objects++;
        }

        return (chars * 2) + (objects * PerObject);
    }

    private sealed record Entry(ArticleVersion Version, long Size, VersionParts Parts);
}
