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
