using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// Runs inside GraphQL.NET's executer, before its own parsing: a document seen before and found valid is
/// taken from the cache (only the rules that depend on the request run again); a new one is parsed under
/// <see cref="DocumentLimits"/> and refused before validation when it breaks one.
/// </summary>
public sealed class DocumentPreparation : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly DocumentLimits _limits;

    public DocumentPreparation(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.DocumentCacheSize) });
        _limits = new DocumentLimits(options.Value.Limits);
        CacheEnabled = options.Value.DocumentCacheSize > 0;
    }

    /// <summary>Where the transport leaves the <see cref="PreparedDocument"/> of a request in <see cref="ExecutionOptions.UserContext"/>.</summary>
    public const string UserContextKey = "cms:preparedDocument";

    // After GraphQL.NET's option configuration (100), so the rules for cached documents are known.
    public float SortOrder => 200;

    private bool CacheEnabled { get; }

    private long _hits;
    private long _misses;

    /// <summary>Documents served from the cache since start-up: parsing and most validation skipped.</summary>
    public long CacheHits => Interlocked.Read(ref _hits);

    /// <summary>Documents parsed since start-up.</summary>
    public long CacheMisses => Interlocked.Read(ref _misses);

    /// <summary>
    /// The document for <paramref name="query"/>: from the cache when it was seen and validated before, else parsed
    /// under the limits. The transport calls this before execution to learn the operation type.
    /// </summary>
    public (PreparedDocument? Prepared, ExecutionError? Error) Prepare(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = KeyOf(query);
        if (CacheEnabled && _cache.TryGetValue(key, out GraphQLDocument? cached) && cached is not null)
        {
            Interlocked.Increment(ref _hits);
            return (new PreparedDocument(key, cached, Validated: true), null);
        }

        Interlocked.Increment(ref _misses);
        var (document, error) = _limits.Parse(query);
        return error is not null ? (null, error) : (new PreparedDocument(key, document!, Validated: false), null);
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        var prepared = options.UserContext.TryGetValue(UserContextKey, out var value) ? value as PreparedDocument : null;
        if (prepared is null)
        {
            if (options.Document is not null || options.Query is null)
            {
                return await next(options);
            }

            var (fresh, error) = Prepare(options.Query);
            if (error is not null)
            {
                return new ExecutionResult { Errors = [error] };
            }

            prepared = fresh!;
        }

        options.Document = prepared.Document;
        if (prepared.Validated)
        {
            // Only the rules that depend on the request (caller, variables, method) run again.
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options);

        // Executed means the document passed validation: only then may later requests skip it.
        if (CacheEnabled && !prepared.Validated && result.Executed)
        {
            _cache.Set(prepared.Key, prepared.Document, new MemoryCacheEntryOptions { Size = 1 });
        }

        return result;
    }

    public void Dispose() => _cache.Dispose();

    private static string KeyOf(string query) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
