using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>How an embedded browser app's files are answered: gzip when accepted, validators, and its own policy.</summary>
public static class EmbeddedClientResponses
{
    /// <summary>
    /// Answers with <paramref name="asset"/>: hashed assets are cached for a year as immutable, the page is revalidated
    /// (a new build's page names new assets); every answer carries <paramref name="contentSecurityPolicy"/>.
    /// </summary>
    public static Task ServeAsync(HttpContext context, EmbeddedClientAssets.Asset asset, bool cacheForever, string contentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(asset);
        var response = context.Response;
        var gzip = AcceptsGzip(context.Request);
        var etag = gzip ? asset.GzippedETag : asset.ETag;
        response.GetTypedHeaders().ETag = etag;
        response.Headers.CacheControl = cacheForever ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Append(HeaderNames.Vary, new[] { HeaderNames.Accept, HeaderNames.AcceptEncoding });
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = gzip ? asset.Gzipped : asset.Bytes;
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task NotFound(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings) &&
        encodings.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
}
