using Cms.Api.Common;
using Cms.Model.Media;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>
/// Direct-upload URLs on this API, for stores that cannot sign their own (the folder store): <c>/media/uploads/{id}?token=…</c>,
/// the token signed under a key in the database (any instance can check it) and bound to the upload and its expiry.
/// </summary>
public sealed class DirectUploadLinks(IMediaStore store, IHttpContextAccessor http, IOptions<MediaOptions> options, TimeProvider clock) : IDisposable
{
    public const string Purpose = "media-uploads";
    public const string PathPrefix = "/media/uploads/";

    private readonly SigningKeyCache _key = new(Purpose, clock);

    /// <summary>The headers a client must send with its PUT (Azure Blob Storage needs the blob type).</summary>
    public IReadOnlyDictionary<string, string> HeadersFor(MediaUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Content-Type"] = upload.ContentType };
        if (store is IDirectUploadTarget)
        {
            headers["x-ms-blob-type"] = "BlockBlob";
        }

        return headers;
    }

    public async Task<Uri> ApiUrlForAsync(IServiceProvider services, MediaUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var token = await _key.GrantAsync(services, upload.Id, new DateTimeOffset(upload.ExpiresAt, TimeSpan.Zero), cancellationToken);
        var origin = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? (http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : throw new InvalidOperationException("No request to take the API's origin from; set Media:PublicBaseUrl."));
        return new Uri($"{origin}{PathPrefix}{upload.Id:N}?token={token}");
    }

    /// <summary>Whether <paramref name="token"/> was issued for this upload and its time has not run out.</summary>
    public async Task<bool> IsValidAsync(IServiceProvider services, MediaUpload upload, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var now = clock.GetUtcNow();
        return !upload.IsExpiredAt(now.UtcDateTime) && await _key.IsGrantedAsync(services, upload.Id, token, now, cancellationToken);
    }

    public void Dispose() => _key.Dispose();
}
