using Cms.Api.Settings;
using Cms.Api.Transport;
using Microsoft.Extensions.Options;

namespace Cms.Api.Studio;

/// <summary>
/// The studio at <c>/studio</c>: one page for every path under it (the app routes in the browser), its hashed assets
/// under <c>/studio/assets/</c>, and a policy that runs only this origin's scripts and styles, with no inline script or
/// style element, and talks only to this origin (GraphQL over HTTP and WebSocket); and <c>/studio/settings.json</c>, the
/// deployment's settings the app needs before its first query (where previews open).
/// </summary>
public static class StudioEndpoints
{
    public const string Path = "/studio";

    private const string AssetsKey = "Studio";

    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddSettings<StudioOptions>(StudioOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.Enabled ??= environment.IsDevelopment());
        services.AddKeyedSingleton(AssetsKey, new EmbeddedClientAssets("The studio", "Studio/"));
        services.AddSingleton<ITrustedDocumentSource, StudioDocuments>();
        return services;
    }

    /// <summary>Maps the studio's page and assets; does nothing when the studio is off.</summary>
    public static WebApplication MapStudio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<StudioOptions>>().Value;
        if (options.Enabled is not true)
        {
            return app;
        }

        var assets = app.Services.GetRequiredKeyedService<EmbeddedClientAssets>(AssetsKey);
        _ = assets.Page; // An app built without the studio stops at start-up rather than on an editor's first visit.
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var policy = options.ContentSecurityPolicy();
        app.MapMethods(Path + "/assets/{fileName}", methods, (HttpContext context, string fileName) =>
            assets.TryGetAsset(fileName, out var asset)
                ? EmbeddedClientResponses.ServeAsync(context, asset, cacheForever: true, policy)
                : EmbeddedClientResponses.NotFound(context));
        var settings = StudioClientSettings.From(options);
        app.MapMethods(Path + "/settings.json", methods, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Json(settings);
        });
        app.MapMethods(Path, methods, (HttpContext context) => ServePage(context, assets, policy));
        app.MapMethods(Path + "/{**route}", methods, (HttpContext context) => ServePage(context, assets, policy));
        return app;
    }

    private static Task ServePage(HttpContext context, EmbeddedClientAssets assets, string policy) =>
        EmbeddedClientResponses.ServeAsync(context, assets.Page, cacheForever: false, policy);
}
