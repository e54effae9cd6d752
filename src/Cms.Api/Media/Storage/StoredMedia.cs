namespace Cms.Api.Media;

/// <summary>What a save stored: the key, the number of bytes and their SHA-256 (lowercase hex).</summary>
public sealed record StoredMedia(string Key, long ByteSize, string Sha256);
