using GraphQL;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport.Uploads;

/// <summary>
/// The files of one multipart request, read lazily from the body in the order they were sent. Opening a
/// file skips (drains) any file before it, so only the section being read is ever in flight and memory use
/// stays bounded by the reader's buffer, whatever the file sizes.
/// </summary>
public sealed class UploadSession
{
    private readonly MultipartReader _reader;
    private readonly long _maxFileBytes;
    private readonly HashSet<string> _passed = new(StringComparer.Ordinal);
    private int _busy;
    private bool _endReached;

    internal UploadSession(MultipartReader reader, long maxFileBytes)
    {
        _reader = reader;
        _maxFileBytes = maxFileBytes;
    }

    /// <summary>The variables with every mapped path holding its <see cref="UploadedFile"/>.</summary>
    public Inputs? Variables { get; internal set; }

    internal async Task<Stream> OpenAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        // Mutations run one field at a time; a second concurrent open would interleave reads of one body.
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            throw new UploadUnavailableError("Files of a request must be opened one at a time.");
        }

        try
        {
            if (_passed.Contains(file.Key))
            {
                throw new UploadUnavailableError($"File '{file.Key}' was already read or skipped: open files once, in the order they were sent.");
            }

            while (!_endReached)
            {
                var section = await ReadNextSectionAsync(cancellationToken);
                if (section is null)
                {
                    _endReached = true;
                    break;
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                _passed.Add(name);
                if (name == file.Key)
                {
                    file.FileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    file.ContentType = section.ContentType;
                    return new LimitedReadStream(section.Body, _maxFileBytes);
                }
            }

            throw new UploadUnavailableError($"The request has no file '{file.Key}' although its map names one.");
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Whether an exception while reading the body means the client sent a malformed multipart body (a truncated
    /// part, too many or too long part headers…): a client error, not a fault of the server.
    /// </summary>
    internal static bool IsMalformedBody(Exception exception) => exception is IOException or InvalidDataException;

    private async Task<MultipartSection?> ReadNextSectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception exception) when (IsMalformedBody(exception))
        {
            throw Malformed(exception);
        }
    }

    private static UploadUnavailableError Malformed(Exception exception) => new($"The multipart body is malformed: {exception.Message}");

    /// <summary>Counts what is read and refuses to go past the limit, so an oversized file fails as soon as it is too big.</summary>
    private sealed class LimitedReadStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (Exception exception) when (IsMalformedBody(exception))
            {
                throw Malformed(exception);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (Exception exception) when (IsMalformedBody(exception))
            {
                throw Malformed(exception);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes ? throw new UploadTooLargeError(maxBytes) : read;
        }
    }
}
