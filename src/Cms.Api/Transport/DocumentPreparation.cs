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

    // After GraphQL.NET's option configuration (100), so the rules for cached documents are known.
    public float SortOrder => 200;

    private bool CacheEnabled { get; }

    private long _hits;
    private long _misses;

    /// <summary>Documents served from the cache since start-up: parsing and most validation skipped.</summary>
    public long CacheHits => Interlocked.Read(ref _hits);

    /// <summary>Documents parsed since start-up.</summary>
    public long CacheMisses => Interlocked.Read(ref _misses);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is null)
        {
            return await next(options);
        }

        var key = KeyOf(options.Query);
        if (CacheEnabled && _cache.TryGetValue(key, out GraphQLDocument? cached) && cached is not null)
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        Interlocked.Increment(ref _misses);
        var (document, error) = _limits.Parse(options.Query);
        if (error is not null)
        {
            return new ExecutionResult { Errors = [error] };
        }

        options.Document = document;
        var result = await next(options);

        // Executed means the document passed validation: only then may later requests skip it.
        if (CacheEnabled && result.Executed)
        {
            _cache.Set(key, document, new MemoryCacheEntryOptions { Size = 1 });
        }

        return result;
    }

    public void Dispose() => _cache.Dispose();

    private static string KeyOf(string query) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
