using Cms.Api.Transport.Uploads;

namespace Cms.Api.SchemaCore;

/// <summary>
/// A file sent with a GraphQL multipart request, as a feature's resolver receives it: streamed from the request body, once,
/// in the order the files were sent. The transport reads the multipart body; this is all a feature needs of it.
/// </summary>
public sealed class FileUpload
{
    private readonly UploadedFile _file;

    internal FileUpload(UploadedFile file) => _file = file;

    /// <summary>The multipart field that carries the file ("0", "1"… in the map).</summary>
    public string Name => _file.Key;

    /// <summary>The client's file name, known once the stream is open; never trusted as a path.</summary>
    public string? FileName => _file.FileName;

    /// <summary>The client's content type, known once the stream is open; never trusted for what the bytes are.</summary>
    public string? ContentType => _file.ContentType;

    /// <summary>
    /// The bytes, read straight from the request. Reading past the configured maximum fails with the transport's
    /// UPLOAD_TOO_LARGE error; a file that is missing or was passed over fails with UPLOAD_FILE_MISSING.
    /// </summary>
    public Task<Stream> OpenReadStreamAsync(CancellationToken cancellationToken) => _file.OpenReadStreamAsync(cancellationToken);
}
