using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Transport;

/// <summary>Limits that keep a request cheap to refuse: each is checked before the operation executes.</summary>
public sealed class GraphQLLimits
{
    /// <summary>
    /// Largest JSON request body, in bytes. Default 2 MiB: an article's whole text (300,000 characters of section
    /// bodies) fits even when a client escapes every character as <c>\uXXXX</c>. Larger bodies get 413 before they are read.
    /// </summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Longest query document, in characters. Default 20,000.</summary>
    [Range(16, 10_000_000)]
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>Most lexical tokens in a document, counted before it is parsed. Default 3,000.</summary>
    [Range(16, 1_000_000)]
    public int MaxTokens { get; set; } = 3_000;

    /// <summary>Deepest nesting the parser follows (selections, values, types). Default 64.</summary>
    [Range(8, 1_000)]
    public int MaxParserDepth { get; set; } = 64;

    /// <summary>Deepest field selection in an operation, fragments included. Default 15.</summary>
    [Range(1, 1_000)]
    public int MaxQueryDepth { get; set; } = 15;

    /// <summary>
    /// Highest field cost: each field costs 1, a list field multiplies its children by its page size
    /// (<c>first</c>/<c>last</c>) or by 20 when it has none. Default 25,000.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Most aliased fields in a document. Default 30.</summary>
    [Range(0, 100_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most fields selected at the root of an operation, fragments included. Default 20.</summary>
    [Range(1, 100_000)]
    public int MaxRootFields { get; set; } = 20;

    /// <summary>
    /// Largest <c>variables</c> value, in bytes of JSON. Default 2 MiB, the request body's own default: a save sends
    /// the article's whole text (up to 300,000 characters of section bodies) as variables.
    /// </summary>
    [Range(2, 100 * 1024 * 1024)]
    public int MaxVariablesBytes { get; set; } = 2 * 1024 * 1024;
}
