using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>Accept negotiation between the two media types of the GraphQL-over-HTTP specification.</summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither. A missing or unparsable
    /// Accept header means application/json, as the specification asks of servers for legacy clients.
    /// </summary>
    public static string? Negotiate(IList<string?>? acceptHeaders)
    {
        // The common headers, answered without parsing.
        if (acceptHeaders is [var single])
        {
            switch (single)
            {
                case GraphQLResponse or "application/graphql-response+json, application/json;q=0.9":
                    return GraphQLResponse;
                case Json or "*/*":
                    return Json;
            }
        }

        if (acceptHeaders is null || acceptHeaders.Count == 0 ||
            !MediaTypeHeaderValue.TryParseList([.. acceptHeaders.OfType<string>()], out var accepted) || accepted.Count == 0)
        {
            return Json;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in accepted)
        {
            var quality = range.Quality ?? 1.0;
            var candidate = range.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };

            // Higher quality wins; at equal quality the GraphQL media type wins, as the specification prefers it.
            if (candidate is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    public static string WithCharset(string mediaType) => mediaType switch
    {
        GraphQLResponse => GraphQLResponse + "; charset=utf-8",
        Json => Json + "; charset=utf-8",
        _ => mediaType + "; charset=utf-8",
    };
}
