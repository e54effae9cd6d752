using GraphQL.DataLoader;

namespace Cms.Api.SchemaCore;

/// <summary>
/// Loads objects by key for one request in as few reads as possible: resolvers ask for keys and get pending results, and
/// GraphQL.NET's execution settles those only after every other pending field ran, so the first one settled reads every
/// key asked for so far in one fetch. Queries execute serially here, so the fetch may use the request's DbContext.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Dictionary<TKey, TValue?> _loaded = [];
    private readonly HashSet<TKey> _pending = [];

    /// <summary>The object with this key (null when there is none), read with the other keys asked for in the same pass.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key))
        {
            _pending.Add(key);
        }

        return new Pending(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (_pending.Count > 0 && !_loaded.ContainsKey(key))
        {
            var keys = _pending.ToList();
            _pending.Clear();
            var found = await fetch(keys, cancellationToken);
            foreach (var wanted in keys)
            {
                _loaded[wanted] = found.GetValueOrDefault(wanted);
            }
        }

        return _loaded.GetValueOrDefault(key);
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
