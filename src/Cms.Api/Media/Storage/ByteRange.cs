namespace Cms.Api.Media;

/// <summary>A run of bytes: from <see cref="Offset"/>, <see cref="Length"/> of them.</summary>
public readonly record struct ByteRange(long Offset, long Length);
