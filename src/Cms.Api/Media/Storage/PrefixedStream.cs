namespace Cms.Api.Media;

/// <summary>Bytes already read (an upload's head, inspected first) followed by the rest of the stream they came from.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var count = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..count].CopyTo(buffer);
        _prefix = _prefix[count..];
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefix.IsEmpty)
        {
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        var count = Math.Min(buffer.Length, _prefix.Length);
        _prefix[..count].CopyTo(buffer);
        _prefix = _prefix[count..];
        return count;
    }

    /// <summary>Reads up to <paramref name="length"/> bytes from the start of <paramref name="stream"/> (fewer only at its end).</summary>
    public static async Task<byte[]> ReadHeadAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var head = new byte[length];
        var filled = 0;
        int read;
        while (filled < length && (read = await stream.ReadAsync(head.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled == length ? head : head[..filled];
    }
}
