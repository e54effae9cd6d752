namespace Cms.Model.Media;

/// <summary>Bytes already in the media store, checked: the facts an asset is made from.</summary>
public sealed record StoredFile(string StorageKey, string FileName, MediaKind Kind, string ContentType, long ByteSize, string Sha256, PixelSize? Size);
