namespace Cms.Model.Media;

/// <summary>
/// A direct upload in progress: the client was given a short-lived, write-only URL for <see cref="StorageKey"/> and has
/// until <see cref="ExpiresAt"/> to put the bytes there and complete it. Completing copies the bytes to the asset's own key
/// (so nothing written through the URL later can change an asset) and removes this row; an expired one is swept with its bytes.
/// </summary>
public sealed class MediaUpload
{
    private MediaUpload()
    {
    }

    public Guid Id { get; private set; }

    public string StorageKey { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    /// <summary>The content type the client announced; the bytes must turn out to be it.</summary>
    public string ContentType { get; private set; } = string.Empty;

    /// <summary>The size the client announced; the stored object must have exactly this many bytes.</summary>
    public long ByteSize { get; private set; }

    /// <summary>The SHA-256 the client announced, if any; the stored bytes must hash to it.</summary>
    public string? Sha256 { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public bool IsExpiredAt(DateTime now) => now >= ExpiresAt;

    internal static MediaUpload Create(string fileName, string contentType, long byteSize, string? sha256, string actor, DateTime now, TimeSpan lifetime)
    {
        var id = Guid.CreateVersion7(now);
        return new MediaUpload
        {
            Id = id,
            StorageKey = MediaStorageKeys.Upload(id),
            FileName = fileName,
            ContentType = contentType,
            ByteSize = byteSize,
            Sha256 = sha256,
            CreatedBy = actor,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }
}
