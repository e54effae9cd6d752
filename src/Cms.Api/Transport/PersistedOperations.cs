using System.Security.Cryptography;
using System.Text;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// Finds the query text a request stands for: the text it sends, a trusted document by its hash (always for the
/// documents of apps built into the server), a query registered earlier under its SHA-256 hash (Apollo's automatic
/// persisted queries, kept in <see cref="IDistributedCache"/>), or, in trusted-documents mode, only a trusted document.
/// </summary>
public sealed class PersistedOperations(IDistributedCache cache, TrustedDocuments trusted, IOptions<GraphQLHttpOptions> options)
{
    private const string CachePrefix = "cms:apq:";

    public async Task<(string? Query, TransportError? Error)> ResolveQueryAsync(GraphQLRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (hash, hashError) = PersistedQueryHash(request);
        if (hashError is not null)
        {
            return (null, hashError);
        }

        // graphql-ws requires a string query in every subscribe message, so a client sending a document by id sends "".
        var text = hash is not null && request.Query is { Length: 0 } ? null : request.Query;

        if (hash is not null && text is not null && !string.Equals(Sha256Hex(text), hash, StringComparison.Ordinal))
        {
            return (null, TransportErrors.PersistedQueryHashMismatch());
        }

        if (trusted.IsEnabled)
        {
            var id = hash ?? (text is null ? null : Sha256Hex(text));
            if (id is not null && trusted.TryGet(id, out var document))
            {
                return (document, null);
            }

            // An unknown hash without text is what an APQ client sends first; it then retries with text, which is refused.
            return (null, hash is not null && text is null ? TransportErrors.PersistedQueryNotFound() : TransportErrors.TrustedDocumentRequired());
        }

        if (hash is null)
        {
            return (text, null);
        }

        // A document of an app built into the server (the studio) runs by its hash whatever the persisted-query settings.
        if (text is null && trusted.TryGet(hash, out var builtIn))
        {
            return (builtIn, null);
        }

        if (!options.Value.PersistedQueries.Enabled)
        {
            return (null, TransportErrors.PersistedQueryNotSupported());
        }

        if (text is not null)
        {
            await cache.SetStringAsync(CachePrefix + hash, text, new DistributedCacheEntryOptions { SlidingExpiration = options.Value.PersistedQueries.SlidingExpiration }, cancellationToken);
            return (text, null);
        }

        var stored = await cache.GetStringAsync(CachePrefix + hash, cancellationToken);
        return stored is null ? (null, TransportErrors.PersistedQueryNotFound()) : (stored, null);
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A document id's hash: "sha256:&lt;hex&gt;" as the trusted-documents convention writes it, or bare hex.</summary>
    public static string HashOfDocumentId(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        const string prefix = "sha256:";
        return documentId.StartsWith(prefix, StringComparison.Ordinal) ? documentId[prefix.Length..] : documentId;
    }

    /// <summary>The hash from <c>extensions.persistedQuery</c> (Apollo) or from <c>documentId</c> ("sha256:&lt;hex&gt;").</summary>
    private static (string? Hash, TransportError? Error) PersistedQueryHash(GraphQLRequest request)
    {
        if (request.DocumentId is { } documentId)
        {
            var hex = HashOfDocumentId(documentId);
            return IsSha256Hex(hex) ? (hex, null) : (null, TransportErrors.DocumentIdInvalid());
        }

        if (request.Extensions is null || !request.Extensions.TryGetValue("persistedQuery", out var value) || value is null)
        {
            return (null, null);
        }

        if (value is not IDictionary<string, object?> persistedQuery)
        {
            return (null, TransportErrors.PersistedQueryInvalid("it must be an object."));
        }

        if (!persistedQuery.TryGetValue("version", out var version) || version is not (int or long) || Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            return (null, TransportErrors.PersistedQueryInvalid("only version 1 is supported."));
        }

        return persistedQuery.TryGetValue("sha256Hash", out var hash) && hash is string text && IsSha256Hex(text)
            ? (text, null)
            : (null, TransportErrors.PersistedQueryInvalid("sha256Hash must be 64 lowercase hexadecimal digits."));
    }

    private static bool IsSha256Hex(string value) =>
        value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
