using Cms.Api.Common;
using Cms.Model.Media;
using Cms.Model.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Media;

/// <summary>
/// Files over HTTP: <c>GET /media/{id}/{fileName}</c> serves an asset's bytes or a rendition of them, and
/// <c>PUT /media/uploads/{id}?token=…</c> takes a direct upload's bytes for stores that cannot sign their own URLs.
/// </summary>
public static class MediaEndpoints
{
    private const string PublishedCacheControl = "public, max-age=31536000, immutable";
    private const string PrivateCacheControl = "private, no-store";

    public static WebApplication MapMediaFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/media/{id}/{fileName}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);
        app.MapPut(DirectUploadLinks.PathPrefix + "{uploadId}", ReceiveUploadAsync);
        return app;
    }

    private static async Task ServeAsync(HttpContext http, string id, string fileName, [AsParameters] MediaFileServices services)
    {
        var response = http.Response;
        if (!Guid.TryParseExact(id, "N", out var assetId))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var lists = services.Lists;
        var (asset, isPublished) = await services.Lookup.FindAsync(assetId, lists, http.RequestAborted);
        if (asset is null || asset.FileName != fileName || asset.StorageKey.Length == 0 || !(isPublished || await MayReadUnpublishedAsync(http, services, assetId)))
        {
            // The same answer whether the asset does not exist or is not the caller's to see.
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var (rendition, problem) = services.Renditions.FromQuery(http.Request.Query);
        if (problem is not null)
        {
            await Problem(response, StatusCodes.Status400BadRequest, problem);
            return;
        }

        if (!rendition!.IsOriginal && !Renditions.CanRender(asset.Kind))
        {
            await Problem(response, StatusCodes.Status400BadRequest, "Renditions are made of JPEG, PNG, GIF, WebP and AVIF images only.");
            return;
        }

        var headers = response.Headers;
        headers.CacheControl = isPublished ? PublishedCacheControl : PrivateCacheControl;
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var store = services.Store;
        string key, contentType, etag;
        long size;
        if (rendition.IsOriginal)
        {
            (key, contentType, etag, size) = (asset.StorageKey, asset.ContentType, $"\"{asset.Sha256}\"", asset.ByteSize);
        }
        else
        {
            var format = services.Formats.Choose(rendition.Format, asset.Kind, http.Request.Headers.Accept);
            if (rendition.Format == MediaFormat.Auto)
            {
                headers.Vary = HeaderNames.Accept;
            }

            var made = await services.Maker.GetOrMakeAsync(asset, rendition, format, http.RequestAborted);
            if (made is null)
            {
                await Problem(response, StatusCodes.Status503ServiceUnavailable, "The image could not be rendered; the original is still available without parameters.");
                return;
            }

            (key, contentType, etag, size) = (made.Key, made.ContentType, $"\"{made.ETag}\"", made.ByteSize);
        }

        headers.ETag = etag;
        headers.ContentType = contentType;
        headers.AcceptRanges = "bytes";
        headers.ContentDisposition = ContentDisposition(asset, rendition);
        if (http.Request.Headers.IfNoneMatch.Any(value => value is not null && (value == "*" || value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "W/" + etag))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var range = RequestedRange(http.Request, etag, size);
        if (range is { Unsatisfiable: true })
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = $"bytes */{size}";
            return;
        }

        await using var read = await store.OpenReadAsync(key, range?.Range, http.RequestAborted);
        if (read is null)
        {
            if (!rendition.IsOriginal)
            {
                services.Maker.Forget(key);
            }

            response.Headers.Remove(HeaderNames.ETag);
            await Problem(response, StatusCodes.Status404NotFound, "The file's bytes are missing from the media store.");
            return;
        }

        if (range is not null)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = $"bytes {read.Offset}-{read.Offset + read.Length - 1}/{read.TotalSize}";
        }

        response.ContentLength = read.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await read.Content.CopyToAsync(response.Body, 81920, http.RequestAborted);
        }
    }

    /// <summary>
    /// Unpublished media: viewers and above, a preview token for an article that uses the asset, or a URL signed for one of
    /// them (what url gives them, as an image element cannot send credentials).
    /// </summary>
    private static async Task<bool> MayReadUnpublishedAsync(HttpContext http, MediaFileServices services, Guid assetId)
    {
        if (http.User.GetRole() >= Role.Viewer ||
            await services.Signer.IsGrantedAsync(services.Provider, assetId, http.Request.Query[MediaUrlSigner.QueryKey], http.RequestAborted))
        {
            return true;
        }

        if (http.User.GetPreview() is { } grant)
        {
            return await services.Lists.UsedByArticleAsync(assetId, grant.ArticleId, http.RequestAborted);
        }

        return false;
    }

    /// <summary>Images display inline; anything else (and markup, which can carry scripts) downloads.</summary>
    private static string ContentDisposition(MediaAsset asset, RenditionRequest rendition)
    {
        var inline = Renditions.CanRender(asset.Kind);
        var header = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        header.SetHttpFileName(rendition.IsOriginal ? asset.FileName : Path.GetFileNameWithoutExtension(asset.FileName));
        return header.ToString();
    }

    private sealed record RangeRequest(ByteRange? Range, bool Unsatisfiable);

    /// <summary>One byte range (<c>bytes=a-b</c>, <c>a-</c> or <c>-n</c>); several ranges, or an If-Range that no longer matches, get the whole file.</summary>
    private static RangeRequest? RequestedRange(HttpRequest request, string etag, long size)
    {
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header) || header.Unit != "bytes" || header.Ranges.Count != 1)
        {
            return null;
        }

        if (request.Headers.IfRange is { Count: > 0 } ifRange && ifRange.ToString() != etag)
        {
            return null;
        }

        var range = header.Ranges.Single();
        return (range.From, range.To) switch
        {
            ({ } from, { } to) when to >= from && from < size => new RangeRequest(new ByteRange(from, Math.Min(to, size - 1) - from + 1), false),
            ({ } from, null) when from < size => new RangeRequest(new ByteRange(from, size - from), false),
            (null, { } suffix) when suffix > 0 && size > 0 => new RangeRequest(new ByteRange(size - Math.Min(suffix, size), Math.Min(suffix, size)), false),
            _ => new RangeRequest(null, true),
        };
    }

    private static async Task ReceiveUploadAsync(HttpContext http, string uploadId, [AsParameters] DirectUploadServices services)
    {
        var response = http.Response;
        var upload = Guid.TryParseExact(uploadId, "N", out var id) ? await services.Db.MediaUploads.FindAsync([id], http.RequestAborted) : null;
        if (upload is null || !await services.Links.IsValidAsync(services.Provider, upload, http.Request.Query["token"], http.RequestAborted))
        {
            await Problem(response, StatusCodes.Status403Forbidden, "This upload URL is not valid, or its time ran out.");
            return;
        }

        if (http.Request.ContentLength is { } length && length != upload.ByteSize)
        {
            await Problem(response, StatusCodes.Status400BadRequest, $"This upload takes exactly {upload.ByteSize} bytes.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = upload.ByteSize;
        }

        try
        {
            await services.Store.SaveAsync(upload.StorageKey, http.Request.Body, upload.ContentType, http.RequestAborted);
        }
        catch (BadHttpRequestException exception)
        {
            await Problem(response, exception.StatusCode, "The body is larger than the upload announced.");
            return;
        }

        response.StatusCode = StatusCodes.Status201Created;
    }

    private static Task Problem(HttpResponse response, int status, string detail)
    {
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(new { status, detail }, response.HttpContext.RequestAborted);
    }
}
