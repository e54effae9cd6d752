using System.Buffers.Binary;
using Cms.Model.Media;
using Cms.Model.Persistence;
using Cms.Model.Security;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>
/// Direct-upload URLs on this API, for stores that cannot sign their own (the folder store): <c>/media/uploads/{id}?token=…</c>,
/// the token signed under a key in the database (any instance can check it) and bound to the upload and its expiry.
/// </summary>
public sealed class DirectUploadLinks(IMediaStore store, CmsDbContext db, IHttpContextAccessor http, IOptions<MediaOptions> options, TimeProvider clock)
{
    public const string Purpose = "media-uploads";
    public const string PathPrefix = "/media/uploads/";

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

    public async Task<Uri> ApiUrlForAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var key = await SigningKey.GetOrCreateAsync(db, Purpose, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var token = SignedTokens.Sign(key, Body(upload.Id, upload.ExpiresAt));
        var origin = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? (http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : throw new InvalidOperationException("No request to take the API's origin from; set Media:PublicBaseUrl."));
        return new Uri($"{origin}{PathPrefix}{upload.Id:N}?token={token}");
    }

    /// <summary>Whether <paramref name="token"/> was issued for this upload and its time has not run out.</summary>
    public async Task<bool> IsValidAsync(MediaUpload upload, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var key = await SigningKey.GetOrCreateAsync(db, Purpose, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var body = SignedTokens.TryOpen(key, token, 200);
        return body is not null && body.AsSpan().SequenceEqual(Body(upload.Id, upload.ExpiresAt)) && !upload.IsExpiredAt(clock.GetUtcNow().UtcDateTime);
    }

    private static byte[] Body(Guid uploadId, DateTime expiresAt)
    {
        var body = new byte[24];
        uploadId.TryWriteBytes(body);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(16), expiresAt.Ticks);
        return body;
    }
}
