namespace Cms.Api.Media;

/// <summary>An open read: the bytes asked for, where they start, and the object's whole size.</summary>
public sealed class MediaRead(Stream content, long offset, long length, long totalSize) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public long Offset { get; } = offset;

    public long Length { get; } = length;

    public long TotalSize { get; } = totalSize;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
