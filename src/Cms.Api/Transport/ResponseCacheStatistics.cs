using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>What the response cache has done since start-up.</summary>
public sealed record ResponseCacheStatistics(long Hits, long Misses, long Evictions, long Bytes, int Entries);
