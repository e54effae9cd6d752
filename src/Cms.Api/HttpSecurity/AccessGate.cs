using System.Globalization;
using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Api.Transport;
using Cms.Model.Security;
using GraphQLParser.AST;

namespace Cms.Api.HttpSecurity;

/// <summary>
/// The transport-level half of access control: credentials that failed, credentials in a URL, uploads by
/// callers who may not upload (refused before the body is read), and rate limits per caller.
/// </summary>
public sealed class AccessGate(OperationRateLimiter rateLimiter) : IRequestGate
{
    public const string InvalidCredentialsCode = AuthorizationError.Unauthenticated;
    public const string CredentialsInQueryStringCode = "CREDENTIALS_IN_QUERY_STRING";
    public const string RateLimitedCode = "RATE_LIMITED";

    private static readonly string[] CredentialParameters = ["api_key", "apikey", "api-key", "apiKey", "access_token", "token", "key"];

    public ValueTask<TransportError?> BeforeReadAsync(HttpContext http, bool isUpload)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new(Check(http, isUpload));
    }

    public ValueTask<TransportError?> BeforeExecuteAsync(HttpContext http, GraphQLOperationDefinition? operation)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (operation?.Operation is OperationType.Mutation or OperationType.Subscription && PreviewTokenAuthentication.Presented(http))
        {
            // A preview link travels further than a key (to reviewers, into browsers): it must never change anything, even
            // beside credentials that could.
            return new(new TransportError("A preview token is read-only: send mutations without it.", AuthorizationError.Forbidden, StatusCodes.Status403Forbidden));
        }

        var caller = http.User.GetCaller();
        var operationClass = operation?.Operation is OperationType.Mutation or OperationType.Subscription
            ? OperationClass.Mutation
            : caller is null ? OperationClass.AnonymousQuery : OperationClass.AuthenticatedQuery;
        var (allowed, retryAfter) = rateLimiter.TryAcquire(operationClass, caller ?? $"ip:{http.Connection.RemoteIpAddress}");
        if (allowed)
        {
            return new((TransportError?)null);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(new TransportError(
            $"Too many requests; try again in {seconds} seconds.",
            RateLimitedCode,
            StatusCodes.Status429TooManyRequests,
            new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }));
    }

    private static TransportError? Check(HttpContext http, bool isUpload)
    {
        if (CredentialParameters.Any(http.Request.Query.ContainsKey))
        {
            // URLs end up in logs, proxies and browser history; a credential there must be treated as leaked.
            return new TransportError(
                "Credentials are not accepted in the query string; send them in the Authorization or X-Api-Key header (and revoke a key that was sent in a URL).",
                CredentialsInQueryStringCode,
                StatusCodes.Status400BadRequest);
        }

        var presentsCredentials = http.Request.Headers.ContainsKey("Authorization") || http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName);
        if (presentsCredentials && http.User.Identity?.IsAuthenticated != true)
        {
            // One answer for unknown, malformed, revoked and expired credentials: nothing tells them apart.
            return Unauthenticated("The credentials are invalid or expired.");
        }

        if (PreviewTokenAuthentication.Failed(http))
        {
            return Unauthenticated("The preview token is invalid, expired or revoked.");
        }

        if (isUpload && http.User.GetRole() is not >= Role.Editor)
        {
            return http.User.GetRole() is null
                ? Unauthenticated("Uploads need credentials with the editor role or higher.")
                : new TransportError("Uploads need the editor role or higher.", AuthorizationError.Forbidden, StatusCodes.Status403Forbidden);
        }

        return null;
    }

    private static TransportError Unauthenticated(string message) => new(
        message,
        InvalidCredentialsCode,
        StatusCodes.Status401Unauthorized,
        new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" });
}
