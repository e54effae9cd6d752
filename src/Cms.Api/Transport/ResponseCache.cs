using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// Serialized answers to anonymous queries, keyed by what determines them (document, operation name, variables, response
/// media type), bounded in bytes and evicted least recently used first. Anonymous answers depend only on content every
/// reader may see, and each is stored with the tags of what it read (<see cref="AnswerTagSet"/>): a change read from the
/// <see cref="IContentChangeFeed"/> drops the answers carrying a tag it names, and no others. Until the feed has been read,
/// and whenever reading it fails, nothing is served or stored. An answer computed while a change was being dropped is not
/// stored, as it may predate the change. Requests that miss the same key at the same time compute it once
/// (<see cref="JoinOrStart"/>); the others are given that answer.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    public const string MeterName = "Cms.Api.GraphQL";

    private readonly MemoryCache _entries;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _invalidations;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _dropped;
    private readonly ConcurrentDictionary<string, PendingAnswer> _pending = new(StringComparer.Ordinal);

    // Tag to the stored answers carrying it (by identity, so that a later answer under the same key is never unindexed by
    // an earlier one's removal). Written under the lock, so that a drop and a store are ordered; an answer leaving the
    // cache for any reason is taken out of every set by the eviction callback.
    private readonly Dictionary<string, HashSet<StoredAnswer>> _answersByTag = new(StringComparer.Ordinal);
    private readonly Lock _tagLock = new();
    private long _hitCount;
    private long _missCount;
    private long _evictionCount;
    private long _coalescedCount;
    private long _generation;
    private long _bytes;
    private int _count;
    private volatile bool _ready;

    public ResponseCache(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value.ResponseCache;
        Enabled = settings.Enabled;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.MaxBytes, CompactionPercentage = 0.25 });
        _hits = _meter.CreateCounter<long>("graphql.response_cache.hits", description: "Anonymous queries answered from the response cache.");
        _misses = _meter.CreateCounter<long>("graphql.response_cache.misses", description: "Anonymous queries that had to execute.");
        _evictions = _meter.CreateCounter<long>("graphql.response_cache.evictions", description: "Answers evicted to stay within the size limit.");
        _invalidations = _meter.CreateCounter<long>("graphql.response_cache.invalidations", description: "Content changes that dropped cached answers.");
        _dropped = _meter.CreateCounter<long>("graphql.response_cache.dropped", description: "Cached answers dropped because a change made them stale.");
        _coalesced = _meter.CreateCounter<long>("graphql.response_cache.coalesced", description: "Misses answered by another request's computation of the same answer.");
        _meter.CreateObservableGauge("graphql.response_cache.size", () => Interlocked.Read(ref _bytes), "By", "Bytes of cached answers.");
        _meter.CreateObservableGauge("graphql.response_cache.entries", () => Volatile.Read(ref _count), description: "Cached answers.");
    }

    /// <summary>Whether the cache is switched on (<c>GraphQL:ResponseCache:Enabled</c>).</summary>
    public bool Enabled { get; }

    /// <summary>On, and following the change feed: answers may be served and stored.</summary>
    public bool IsUsable => Enabled && _ready;

    /// <summary>Moves each time answers are dropped; an answer is stored only if it has not moved since the request began.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public ResponseCacheStatistics Statistics => new(Interlocked.Read(ref _hitCount), Interlocked.Read(ref _missCount), Interlocked.Read(ref _evictionCount), Interlocked.Read(ref _bytes), Volatile.Read(ref _count), Interlocked.Read(ref _coalescedCount));

    /// <summary>The key of an answer: a hash of everything that determines it.</summary>
    public static string KeyOf(string documentKey, string? operationName, string? variablesJson, string mediaType)
    {
        var text = string.Join('\n', documentKey, operationName ?? string.Empty, variablesJson ?? string.Empty, mediaType);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// A second key for the same answer: the request exactly as it arrived (a POST body, a GET query string) and the media
    /// type. A client repeating itself byte for byte is answered before its request is even parsed.
    /// </summary>
    public static string RawKeyOf(ReadOnlySpan<byte> request, string mediaType)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(request, hash);
        return string.Concat("raw:", mediaType, ":", Convert.ToHexString(hash));
    }

    /// <summary>An answer stored under the exact-request key; a miss here is not a miss of the cache.</summary>
    public bool TryGetExact(string rawKey, out CachedResponse? response)
    {
        response = null;
        if (!IsUsable || !_entries.TryGetValue(rawKey, out CachedResponse? found) || found is null)
        {
            return false;
        }

        response = found;
        RecordHit();
        return true;
    }

    public bool TryGet(string key, out CachedResponse? response)
    {
        response = null;
        if (IsUsable && _entries.TryGetValue(key, out CachedResponse? found) && found is not null)
        {
            response = found;
            RecordHit();
            return true;
        }

        Interlocked.Increment(ref _missCount);
        _misses.Add(1);
        return false;
    }

    private void RecordHit()
    {
        Interlocked.Increment(ref _hitCount);
        _hits.Add(1);
    }

    /// <summary>
    /// After a miss: the computation of <paramref name="key"/> in <paramref name="generation"/> that another request has under
    /// way (<paramref name="first"/> false: wait for it), or a new one this request must end with <see cref="End"/>
    /// (<paramref name="first"/> true), whatever happens to it.
    /// </summary>
    public PendingAnswer JoinOrStart(string key, long generation, out bool first)
    {
        var flightKey = string.Concat(key, "@", generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mine = new PendingAnswer(flightKey);
        var pending = _pending.GetOrAdd(flightKey, mine);
        first = ReferenceEquals(pending, mine);

        // A computation that stored its answer and ended between this request's miss and now: take the stored answer.
        if (first && _entries.TryGetValue(key, out CachedResponse? stored) && stored is not null)
        {
            End(mine, stored);
            first = false;
        }

        return pending;
    }

    /// <summary>Ends a computation this request started: <paramref name="stored"/> is the answer it stored, or null.</summary>
    public void End(PendingAnswer pending, CachedResponse? stored)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _pending.TryRemove(new KeyValuePair<string, PendingAnswer>(pending.FlightKey, pending));
        pending.End(stored);
    }

    /// <summary>A request that waited for another's computation was answered by it.</summary>
    public void RecordCoalesced()
    {
        Interlocked.Increment(ref _coalescedCount);
        _coalesced.Add(1);
    }

    /// <summary>
    /// Stores an answer computed in <paramref name="generation"/>, with the tags of what it read; refused (false) when
    /// answers were dropped since, as this one may predate the change.
    /// </summary>
    public bool Store(string key, CachedResponse response, long generation, IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(tags);
        if (!IsUsable || generation != Generation)
        {
            return false;
        }

        var stored = new StoredAnswer(key, response.Body.Length + 256L, tags);
        var entry = new MemoryCacheEntryOptions { Size = stored.Size };
        entry.RegisterPostEvictionCallback(OnRemoved, stored);
        lock (_tagLock)
        {
            // Under the lock a drop cannot run between the check and the write: an answer is either refused, or stored and
            // indexed before any later drop looks for it.
            if (generation != Generation)
            {
                return false;
            }

            foreach (var tag in tags)
            {
                if (!_answersByTag.TryGetValue(tag, out var answers))
                {
                    _answersByTag[tag] = answers = [];
                }

                answers.Add(stored);
            }

            Interlocked.Add(ref _bytes, stored.Size);
            Interlocked.Increment(ref _count);
            _entries.Set(key, response, entry);
        }

        return true;
    }

    /// <summary>
    /// Drops the answers carrying any of <paramref name="staleTags"/>, and those whose reads are not known; every answer when
    /// the tags include <see cref="AnswerTagSet.Everything"/>.
    /// </summary>
    public void Invalidate(IReadOnlyCollection<string> staleTags)
    {
        ArgumentNullException.ThrowIfNull(staleTags);
        if (staleTags.Count == 0)
        {
            return;
        }

        if (staleTags.Contains(AnswerTagSet.Everything))
        {
            Invalidate();
            return;
        }

        var dropped = new HashSet<StoredAnswer>();
        lock (_tagLock)
        {
            Interlocked.Increment(ref _generation);
            foreach (var tag in staleTags.Append(AnswerTagSet.Everything))
            {
                if (_answersByTag.Remove(tag, out var answers))
                {
                    dropped.UnionWith(answers);
                }
            }

            foreach (var answer in dropped)
            {
                Unindex(answer);
                _entries.Remove(answer.Key);
            }
        }

        _invalidations.Add(1);
        _dropped.Add(dropped.Count);
    }

    /// <summary>Drops every answer.</summary>
    public void Invalidate()
    {
        lock (_tagLock)
        {
            Interlocked.Increment(ref _generation);
            _answersByTag.Clear();
            _entries.Clear();
        }

        _invalidations.Add(1);
    }

    /// <summary>The change feed is being followed from now on: answers may be served and stored.</summary>
    public void Start()
    {
        Invalidate();
        _ready = true;
    }

    /// <summary>The change feed could not be read: nothing is served until it can be again.</summary>
    public void ChangesUnknown()
    {
        _ready = false;
        Invalidate();
    }

    public void Dispose()
    {
        _entries.Dispose();
        _meter.Dispose();
    }

    private void OnRemoved(object key, object? value, EvictionReason reason, object? state)
    {
        var stored = (StoredAnswer)state!;
        Interlocked.Add(ref _bytes, -stored.Size);
        Interlocked.Decrement(ref _count);
        lock (_tagLock)
        {
            Unindex(stored);
        }

        if (reason == EvictionReason.Capacity)
        {
            Interlocked.Increment(ref _evictionCount);
            _evictions.Add(1);
        }
    }

    /// <summary>Takes an answer out of the tag index (under the lock).</summary>
    private void Unindex(StoredAnswer answer)
    {
        foreach (var tag in answer.Tags)
        {
            if (_answersByTag.TryGetValue(tag, out var answers) && answers.Remove(answer) && answers.Count == 0)
            {
                _answersByTag.Remove(tag);
            }
        }
    }

    /// <summary>A stored answer as the tag index knows it; compared by identity.</summary>
    private sealed class StoredAnswer(string key, long size, IReadOnlyCollection<string> tags)
    {
        public string Key { get; } = key;

        public long Size { get; } = size;

        public IReadOnlyCollection<string> Tags { get; } = tags;
    }
}
