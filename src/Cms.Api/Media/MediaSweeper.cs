using Cms.Model.Media;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>
/// Removes what nothing uses any more, once it is older than the grace period: expired direct uploads (row and bytes), stored
/// originals no asset or pending upload points at (a failed upload, a deleted asset), and renditions of bytes no asset has.
/// Idempotent, so any number of instances may sweep; the grace period keeps it clear of uploads in flight.
/// </summary>
public sealed class MediaSweeper(IMediaStore store, MediaLibrary library, IOptions<MediaOptions> options, TimeProvider clock)
{
    private const int Batch = 500;

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        foreach (var upload in await library.ExpiredUploadsAsync(Batch, cancellationToken))
        {
            await store.DeleteAsync(upload.StorageKey, cancellationToken);
            await library.RemoveUploadAsync(upload, cancellationToken);
            expired++;
        }

        var before = clock.GetUtcNow() - options.Value.OrphanGracePeriod;
        var originals = await SweepKeysAsync([MediaStorageKeys.OriginalsPrefix, MediaStorageKeys.UploadsPrefix], before, key => key, byHash: false, cancellationToken);
        var renditions = await SweepKeysAsync([MediaStorageKeys.RenditionsPrefix], before, key => key.Split('/')[1], byHash: true, cancellationToken);
        return new SweepResult(expired, originals, renditions);
    }

    private async Task<int> SweepKeysAsync(string[] prefixes, DateTimeOffset before, Func<string, string> owner, bool byHash, CancellationToken cancellationToken)
    {
        var removed = 0;
        var batch = new List<string>(Batch);
        foreach (var prefix in prefixes)
        {
            await foreach (var stored in store.ListAsync(prefix, cancellationToken))
            {
                if (stored.LastModified < before)
                {
                    batch.Add(stored.Key);
                }

                if (batch.Count == Batch)
                {
                    removed += await RemoveUnusedAsync(batch, owner, byHash, cancellationToken);
                    batch.Clear();
                }
            }
        }

        return removed + (batch.Count > 0 ? await RemoveUnusedAsync(batch, owner, byHash, cancellationToken) : 0);
    }

    private async Task<int> RemoveUnusedAsync(List<string> keys, Func<string, string> owner, bool byHash, CancellationToken cancellationToken)
    {
        var owners = keys.Select(owner).Distinct(StringComparer.Ordinal).ToList();
        var (usedKeys, usedHashes) = byHash ? await library.InUseAsync([], owners, cancellationToken) : await library.InUseAsync(owners, [], cancellationToken);
        var used = byHash ? usedHashes : usedKeys;
        var removed = 0;
        foreach (var key in keys.Where(k => !used.Contains(owner(k))))
        {
            removed += await store.DeleteAsync(key, cancellationToken) ? 1 : 0;
        }

        return removed;
    }
}
