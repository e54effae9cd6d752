using Cms.Api.Settings;
using Cms.Api.Transport;
using Microsoft.Extensions.Options;

namespace Cms.Api.Studio;

/// <summary>
/// The studio at <c>/studio</c>: one page for every path under it (the app routes in the browser), its hashed assets
/// under <c>/studio/assets/</c>, and a policy that runs only this origin's scripts and styles, with no inline script or
/// style element, and talks only to this origin (GraphQL over HTTP and WebSocket).
/// </summary>
public static class StudioEndpoints
{
    public const string Path = "/studio";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string AssetsKey = "Studio";

    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddSettings<StudioOptions>(StudioOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.Enabled ??= environment.IsDevelopment());
        services.AddKeyedSingleton(AssetsKey, new EmbeddedClientAssets("The studio", "Studio/"));
        return services;
    }

    /// <summary>Maps the studio's page and assets; does nothing when the studio is off.</summary>
    public static WebApplication MapStudio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<StudioOptions>>().Value.Enabled is not true)
        {
            return app;
        }

        var assets = app.Services.GetRequiredKeyedService<EmbeddedClientAssets>(AssetsKey);
        _ = assets.Page; // An app built without the studio stops at start-up rather than on an editor's first visit.
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(Path + "/assets/{fileName}", methods, (HttpContext context, string fileName) =>
            assets.TryGetAsset(fileName, out var asset)
                ? EmbeddedClientResponses.ServeAsync(context, asset, cacheForever: true, ContentSecurityPolicy)
                : EmbeddedClientResponses.NotFound(context));
        app.MapMethods(Path, methods, (HttpContext context) => ServePage(context, assets));
        app.MapMethods(Path + "/{**route}", methods, (HttpContext context) => ServePage(context, assets));
        return app;
    }

    private static Task ServePage(HttpContext context, EmbeddedClientAssets assets) =>
        EmbeddedClientResponses.ServeAsync(context, assets.Page, cacheForever: false, ContentSecurityPolicy);
}
