using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.GraphiQL;

/// <summary>
/// GraphiQL's page and assets, built from the npm registry by src/Cms.GraphiQL when Cms.Api builds and embedded in the
/// assembly (resources named <c>GraphiQL/…</c>), so the app needs no CDN and no files beside it. Read once, on first use.
/// </summary>
public sealed class GraphiQLAssets
{
    public const string AssetPathPrefix = "/graphiql/assets/";
    private const string ResourcePrefix = "GraphiQL/";
    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(Load);

    /// <summary>The page (dist/index.html), which names the hashed asset files.</summary>
    public Asset Page => Assets.Value.TryGetValue("index.html", out var page)
        ? page
        : throw new InvalidOperationException("GraphiQL was not built into this assembly; build Cms.Api with Node.js installed.");

    /// <summary>An asset by its file name under <see cref="AssetPathPrefix"/>.</summary>
    public bool TryGetAsset(string fileName, out Asset asset) => Assets.Value.TryGetValue("assets/" + fileName, out asset!);

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(GraphiQLAssets).Assembly;
        var contentTypes = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var bytes = Read(assembly, name);
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
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

    /// <summary>One file; its gzip copy is made on first request (monaco and GraphiQL shrink to about a quarter).</summary>
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
