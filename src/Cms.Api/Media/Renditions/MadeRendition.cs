namespace Cms.Api.Media;

/// <summary>A rendition in the store: its key, type, size and ETag.</summary>
public sealed record MadeRendition(string Key, string ContentType, long ByteSize, string ETag);
