using System.Security.Claims;
using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Api.Settings;
using Cms.Api.Transport;
using Cms.Model.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Cms.Api.HttpSecurity;

/// <summary>
/// Security at the HTTP level, in front of the GraphQL endpoint: who the caller is (API keys and JWT bearer tokens), the
/// access gate (bad credentials, credentials in URLs, uploads, rate limits), CORS and security headers. What a caller may
/// select is decided in the schema (<see cref="FieldAuthorizationRule"/>), from the claims set here.
/// </summary>
public static class HttpSecurityExtensions
{
    /// <summary>The scheme that picks API-key or JWT authentication by what the request carries.</summary>
    public const string DefaultScheme = "Cms";

    public static WebApplicationBuilder AddHttpSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<AuthOptions>(AuthOptions.SectionName);
        services.AddSettings<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSettings<CorsOptions>(CorsOptions.SectionName);
        services.AddSingleton<OperationRateLimiter>();
        services.AddSingleton<IRequestGate, AccessGate>();

        // Requests with an API key are private like those with a token: never shared by caches, varied on by those that are.
        // Preview answers show drafts: private too, and never stored by the response cache.
        services.Configure<GraphQLHttpOptions>(o =>
        {
            o.CredentialHeaders.Add(ApiKeyAuthenticationHandler.HeaderName);
            o.CredentialHeaders.Add(PreviewTokenAuthentication.HeaderName);
        });

        var jwt = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.Jwt ?? new JwtOptions();
        var authentication = services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key or JWT", o => o.ForwardDefaultSelector = context =>
                jwt.IsEnabled && ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null &&
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.IsEnabled)
        {
            authentication.AddJwtBearer(o => ConfigureJwt(o, jwt));
        }

        services.AddSingleton<IConnectionAuthenticator, ConnectionInitAuthentication>();
        services.AddCors();
        return builder;
    }

    /// <summary>Authentication, CORS for the configured origins and security headers, in front of every endpoint.</summary>
    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        var origins = app.Services.GetRequiredService<IOptions<CorsOptions>>().Value.AllowedOrigins;
        var graphQL = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;

        // Every request header the endpoint reads, named where the endpoint defines it, so none is forgotten here.
        string[] requestHeaders = ["Content-Type", "Accept", "If-None-Match", .. graphQL.CredentialHeaders, .. graphQL.PreflightHeaders];
        app.UseCors(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT")
            .WithHeaders(requestHeaders)
            .WithExposedHeaders("ETag", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1)));
        app.UseAuthentication();
        app.UseMiddleware<PreviewTokenAuthentication>();
        return app;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtOptions jwt)
    {
        options.Authority = jwt.Authority;
        options.Audience = jwt.Audience;
        options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.RoleClaimType = jwt.RoleClaim;
        options.TokenValidationParameters.NameClaimType = "name";
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                // The effective role is the highest known role among the token's roles; unknown names are ignored.
                var principal = context.Principal!;
                var roles = principal.FindAll(jwt.RoleClaim).Select(c => Roles.TryParse(c.Value, out var role) ? role : (Role?)null).Where(r => r is not null).ToList();
                var identity = (ClaimsIdentity)principal.Identity!;
                if (roles.Count > 0)
                {
                    identity.AddClaim(new Claim(CmsClaims.Role, roles.Max()!.Value.ToName()));
                }

                var subject = principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub") ?? "unknown";
                identity.AddClaim(new Claim(CmsClaims.Caller, $"jwt:{subject}"));
                return Task.CompletedTask;
            },
        };
    }
}
