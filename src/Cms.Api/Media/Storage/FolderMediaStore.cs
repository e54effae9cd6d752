namespace Cms.Api.Media;

/// <summary>
/// The embedded default: objects as files under one folder (by default the data directory's <c>media</c>). A save writes a
/// temporary file and moves it into place, so a reader never sees half an object and a failed save leaves nothing.
/// </summary>
public sealed class FolderMediaStore : IMediaStore
{
    private const string Staging = ".staging";
    private readonly string _root;

    public FolderMediaStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(_root, Staging));
    }

    public async Task<StoredMedia> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        var staging = Path.Combine(_root, Staging, Guid.NewGuid().ToString("N"));
        try
        {
            using var hashing = new HashingStream(content);
            await using (var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await hashing.CopyToAsync(file, cancellationToken);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(staging, path, overwrite: true);
            return new StoredMedia(key, hashing.BytesRead, hashing.Sha256());
        }
        finally
        {
            File.Delete(staging);
        }
    }

    public Task<MediaRead?> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<MediaRead?>(null);
        }

        var total = file.Length;
        var (offset, length) = range is { } r ? (r.Offset, Math.Min(r.Length, total - r.Offset)) : (0, total);
        file.Position = offset;
        return Task.FromResult<MediaRead?>(new MediaRead(new BoundedStream(file, length), offset, length, total));
    }

    public Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        var info = new FileInfo(PathOf(key));
        return Task.FromResult(info.Exists ? info.Length : (long?)null);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"The media folder {_root} does not exist.");
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var path in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal) && MediaKeys.IsValid(key))
            {
                yield return new StoredObject(key, File.GetLastWriteTimeUtc(path));
            }
        }
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, MediaKeys.Checked(key)));

        // Keys cannot climb out (no dot segments), and this says so once more where it matters.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{key}' is outside the media folder.", nameof(key));
    }
}
