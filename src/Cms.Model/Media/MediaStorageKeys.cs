namespace Cms.Model.Media;

/// <summary>Where things live in the media store, by kind: each kind under its own prefix, so the sweeper can tell them apart.</summary>
public static class MediaStorageKeys
{
    public const string OriginalsPrefix = "originals/";
    public const string UploadsPrefix = "uploads/";
    public const string RenditionsPrefix = "renditions/";

    /// <summary>A new original's key. Identical bytes uploaded later reuse the first key and drop their own copy.</summary>
    public static string Original(Guid id) => $"{OriginalsPrefix}{id:N}";

    public static string Upload(Guid uploadId) => $"{UploadsPrefix}{uploadId:N}";

    /// <summary>Renditions are keyed by the bytes they come from (not the asset), so assets sharing bytes share renditions.</summary>
    public static string Rendition(string sha256, string variant) => $"{RenditionsPrefix}{sha256}/{variant}";
}
