using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>
/// A browser app's page and assets (GraphiQL, the studio), built from the npm registry with Vite when Cms.Api builds and
/// embedded in the assembly under a resource prefix (<c>GraphiQL/…</c>, <c>Studio/…</c>), so the app needs no CDN and no
/// files beside it. Read once, on first use.
/// </summary>
public sealed class EmbeddedClientAssets(string appName, string resourcePrefix)
{
    private readonly Lazy<FrozenDictionary<string, Asset>> _assets = new(() => Load(resourcePrefix));

    /// <summary>The page (dist/index.html), which names the hashed asset files.</summary>
    public Asset Page => _assets.Value.TryGetValue("index.html", out var page)
        ? page
        : throw new InvalidOperationException($"{appName} was not built into this assembly; build Cms.Api with Node.js installed.");

    /// <summary>An asset by its file name under the app's <c>assets/</c> folder.</summary>
    public bool TryGetAsset(string fileName, out Asset asset) => _assets.Value.TryGetValue("assets/" + fileName, out asset!);

    private static FrozenDictionary<string, Asset> Load(string resourcePrefix)
    {
        var assembly = typeof(EmbeddedClientAssets).Assembly;
        var contentTypes = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            var bytes = Read(assembly, name);
            var path = name[resourcePrefix.Length..].Replace('\\', '/');
            var contentType = contentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
            {
                contentType += "; charset=utf-8";
            }

            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
            assets[path] = new Asset(bytes, contentType, etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>One file; its gzip copy is made on first request (scripts shrink to about a quarter).</summary>
    public sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag)
    {
        private readonly Lazy<byte[]> _gzipped = new(() => Gzip(Bytes));

        public byte[] Gzipped => _gzipped.Value;

        /// <summary>The gzip copy's tag: another representation, so another tag (RFC 9110, 8.8.3).</summary>
        public EntityTagHeaderValue GzippedETag { get; } = new(ETag.Tag.Value!.Insert(ETag.Tag.Length - 1, "-gz"));

        private static byte[] Gzip(byte[] bytes)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
            {
                gzip.Write(bytes);
            }

            return compressed.ToArray();
        }
    }
}
