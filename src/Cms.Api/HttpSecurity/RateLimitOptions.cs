using System.ComponentModel.DataAnnotations;

namespace Cms.Api.HttpSecurity;

/// <summary>Requests allowed per minute, per caller, in three classes. 0 turns a class's limit off. Section "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Queries without credentials, per client address. Default 600.</summary>
    [Range(0, 10_000_000)]
    public int AnonymousQueriesPerMinute { get; set; } = 600;

    /// <summary>Queries with credentials, per API key or token subject. Default 6,000.</summary>
    [Range(0, 10_000_000)]
    public int AuthenticatedQueriesPerMinute { get; set; } = 6_000;

    /// <summary>Mutations, per API key or token subject (per client address for anonymous callers). Default 120.</summary>
    [Range(0, 10_000_000)]
    public int MutationsPerMinute { get; set; } = 120;
}
