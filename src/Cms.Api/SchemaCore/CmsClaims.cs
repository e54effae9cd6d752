using System.Security.Claims;
using Cms.Model.Security;

namespace Cms.Api.SchemaCore;

/// <summary>The claims this API sets on an authenticated caller, whichever way it authenticated.</summary>
public static class CmsClaims
{
    /// <summary>The caller's effective role: the highest role it holds.</summary>
    public const string Role = "cms:role";

    /// <summary>A stable id of the caller for rate limits and audit: "key:&lt;id&gt;" or "jwt:&lt;subject&gt;".</summary>
    public const string Caller = "cms:caller";

    public static Role? GetRole(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && Roles.TryParse(user.FindFirstValue(Role), out var role) ? role : null;

    public static string? GetCaller(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(Caller) : null;

    /// <summary>The name recorded as author or actor of a change.</summary>
    public static string GetActorName(this ClaimsPrincipal? user) =>
        user?.Identity?.Name ?? user?.GetCaller() ?? "anonymous";
}
