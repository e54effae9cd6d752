using System.Security.Claims;
using Cms.Model.Persistence;
using Cms.Model.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Cms.Api.Security;

public static class SecurityExtensions
{
    /// <summary>The scheme that picks API-key or JWT authentication by what the request carries.</summary>
    public const string DefaultScheme = "Cms";

    public static WebApplicationBuilder AddCmsSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart()
            .Validate(o => !o.Jwt.IsEnabled || !string.IsNullOrWhiteSpace(o.Jwt.Audience), "Auth:Jwt:Audience is required when Auth:Jwt:Authority is set.")
            .Validate(o => !o.Jwt.IsEnabled || Uri.TryCreate(o.Jwt.Authority, UriKind.Absolute, out _), "Auth:Jwt:Authority must be an absolute URL.");
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsOptions>().BindConfiguration(CorsOptions.SectionName)
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"), "Cors:AllowedOrigins must be absolute origins such as https://www.example.org.")
            .ValidateOnStart();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<OperationRateLimiter>();
        services.AddSingleton<Transport.IRequestGate, AccessGate>();

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

        services.AddCors();
        return builder;
    }

    /// <summary>Authentication, CORS for the configured origins and security headers, in front of every endpoint.</summary>
    public static WebApplication UseCmsSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        var origins = app.Services.GetRequiredService<IOptions<CorsOptions>>().Value.AllowedOrigins;
        app.UseCors(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "Accept", "Authorization", ApiKeyAuthenticationHandler.HeaderName, "GraphQL-Preflight", "Apollo-Require-Preflight", "If-None-Match")
            .WithExposedHeaders("ETag", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1)));
        app.UseAuthentication();
        return app;
    }

    /// <summary>On first run of a database without keys (the embedded default), creates an admin key and prints it once.</summary>
    public static async Task EnsureBootstrapAdminKeyAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<Hosting.DatabaseOptions>>().Value;
        if (!(auth.BootstrapAdminKey ?? database.Provider == DatabaseProvider.Sqlite))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        if (await keys.AnyAsync(cancellationToken))
        {
            return;
        }

        var (key, secret, _) = await keys.CreateAsync("bootstrap-admin", Role.Admin, null, "bootstrap", cancellationToken);

        // Printed, not logged: logs are collected and kept, and this secret must appear exactly once.
        await Console.Out.WriteLineAsync(
            $"""

            An admin API key was created for this new database (name "bootstrap-admin", id {key!.PublicId}).
            It is shown only now; store it somewhere safe:

                {secret}

            Send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>". Make more with:
                dotnet run --project src/Cms.Api -- apikeys create --name <name> --role <viewer|editor|publisher|admin>

            """);
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
