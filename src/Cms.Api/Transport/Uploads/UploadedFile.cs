namespace Cms.Api.Transport.Uploads;

/// <summary>
/// A file of a GraphQL multipart request, as a resolver receives it through the <c>Upload</c> scalar. Its
/// content is not buffered: <see cref="OpenReadStreamAsync"/> streams it from the request body, once, in the
/// order the files were sent.
/// </summary>
public sealed class UploadedFile
{
    private readonly UploadSession _session;

    internal UploadedFile(UploadSession session, string key)
    {
        _session = session;
        Key = key;
    }

    /// <summary>The name of the multipart field that carries the file ("0", "1"… in the map).</summary>
    public string Key { get; }

    /// <summary>The client's file name, known once the stream is open.</summary>
    public string? FileName { get; internal set; }

    /// <summary>The client's content type, known once the stream is open; never trusted for what the bytes are.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>
    /// The file's bytes, read straight from the request. Reading more than the configured maximum throws
    /// <see cref="UploadTooLargeError"/>; a file that is missing, or that was skipped because a later file
    /// was opened first, throws <see cref="UploadUnavailableError"/>.
    /// </summary>
    public Task<Stream> OpenReadStreamAsync(CancellationToken cancellationToken = default) => _session.OpenAsync(this, cancellationToken);
}
