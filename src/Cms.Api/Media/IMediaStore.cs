namespace Cms.Api.Media;

/// <summary>
/// Where the bytes of media assets live: Azure Blob Storage in production, a folder under the data directory in the
/// embedded default. Bytes are streamed in and out, never held whole in memory; size and SHA-256 are computed on the way
/// in. Keys are this API's own (see <see cref="MediaKeys"/>), never a client's file name.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> (replacing what was there) and returns its size and hash.</summary>
    Task<StoredMedia> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes (all, or the given range), or null when nothing is stored under the key.</summary>
    Task<MediaRead?> OpenReadAsync(string key, ByteRange? range, CancellationToken cancellationToken);

    /// <summary>The stored object's size, or null when nothing is stored under the key.</summary>
    Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached (for readiness checks).</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, with when it was last written (for the sweeper).</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>A store that can hand a client a short-lived, write-only URL for one key, so large files need not pass through the API.</summary>
public interface IDirectUploadTarget
{
    Task<Uri> CreateUploadUrlAsync(string key, DateTime expiresAt, CancellationToken cancellationToken);
}

/// <summary>An object in the store: its key and when it was last written.</summary>
public sealed record StoredObject(string Key, DateTimeOffset LastModified);

/// <summary>What a save stored: the key, the number of bytes and their SHA-256 (lowercase hex).</summary>
public sealed record StoredMedia(string Key, long ByteSize, string Sha256);

/// <summary>A run of bytes: from <see cref="Offset"/>, <see cref="Length"/> of them.</summary>
public readonly record struct ByteRange(long Offset, long Length);

/// <summary>An open read: the bytes asked for, where they start, and the object's whole size.</summary>
public sealed class MediaRead(Stream content, long offset, long length, long totalSize) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public long Offset { get; } = offset;

    public long Length { get; } = length;

    public long TotalSize { get; } = totalSize;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// The keys objects are stored under: lowercase letters, digits, '-', '.' and '/' between segments, at most 200 characters,
/// no empty or dot segments, so a key maps to a path inside the store and to a blob name alike.
/// </summary>
public static class MediaKeys
{
    public const int MaxLength = 200;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment[0] == '.')
            {
                return false;
            }

            if (!segment.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a media key: lowercase letters, digits, '-', '.' and '/' between segments.", nameof(key));
}
