using System.Buffers.Binary;
using Cms.Api.SchemaCore;
using Cms.Model.Media;
using Cms.Model.Security;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>
/// Direct-upload URLs on this API, for stores that cannot sign their own (the folder store): <c>/media/uploads/{id}?token=…</c>,
/// the token signed under a key in the database (any instance can check it) and bound to the upload and its expiry.
/// </summary>
public sealed class DirectUploadLinks(IMediaStore store, IServiceProvider services, IHttpContextAccessor http, IOptions<MediaOptions> options, TimeProvider clock, DirectUploadLinks.Key key)
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
        var token = SignedTokens.Sign(await key.Cache.KeyAsync(services, cancellationToken), Body(upload.Id, upload.ExpiresAt));
        var origin = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? (http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : throw new InvalidOperationException("No request to take the API's origin from; set Media:PublicBaseUrl."));
        return new Uri($"{origin}{PathPrefix}{upload.Id:N}?token={token}");
    }

    /// <summary>Whether <paramref name="token"/> was issued for this upload and its time has not run out.</summary>
    public async Task<bool> IsValidAsync(MediaUpload upload, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var body = SignedTokens.TryOpen(await key.Cache.KeyAsync(services, cancellationToken), token, 200);
        return body is not null && body.AsSpan().SequenceEqual(Body(upload.Id, upload.ExpiresAt)) && !upload.IsExpiredAt(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The upload links' signing key, kept for the process.</summary>
    public sealed class Key(TimeProvider clock) : IDisposable
    {
        public SigningKeyCache Cache { get; } = new(Purpose, clock);

        public void Dispose() => Cache.Dispose();
    }

    private static byte[] Body(Guid uploadId, DateTime expiresAt)
    {
        var body = new byte[24];
        uploadId.TryWriteBytes(body);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(16), expiresAt.Ticks);
        return body;
    }
}
