using Cms.Api.Settings;
using Cms.Api.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.GraphiQL;

/// <summary>
/// GraphiQL at the GraphQL endpoint: a browser's GET of it (one that accepts HTML and sends no operation) gets the IDE,
/// every other request goes on to the transport. The page runs only the app's own scripts, so its policy allows no
/// inline script.
/// </summary>
public static class GraphiQLEndpoints
{
    /// <summary>
    /// Scripts, workers (the editor's language services) and requests only from this origin. Styles allow inline
    /// because the editor (Monaco) writes its theme as style elements at run time; no script can be injected that way.
    /// GraphiQL's stylesheet carries its fonts as data: URLs.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddGraphiQL(this IServiceCollection services)
    {
        services.AddSettings<GraphiQLOptions>(GraphiQLOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.Enabled ??= environment.IsDevelopment());
        services.AddKeyedSingleton(AssetsKey, new EmbeddedClientAssets("GraphiQL", "GraphiQL/"));
        return services;
    }

    /// <summary>Serves the page in front of the GraphQL endpoint and maps its assets; does nothing when GraphiQL is off.</summary>
    public static WebApplication UseGraphiQL(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<GraphiQLOptions>>().Value.Enabled is not true)
        {
            return app;
        }

        var endpointPath = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Path;
        var assets = app.Services.GetRequiredKeyedService<EmbeddedClientAssets>(AssetsKey);
        _ = assets.Page; // An app built without the IDE stops at start-up rather than on a developer's first visit.
        app.Use((context, next) =>
            IsBrowserVisit(context.Request, endpointPath) ? EmbeddedClientResponses.ServeAsync(context, assets.Page, cacheForever: false, ContentSecurityPolicy) : next(context));
        app.MapMethods(AssetPathPrefixPattern, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string fileName) =>
            assets.TryGetAsset(fileName, out var asset)
                ? EmbeddedClientResponses.ServeAsync(context, asset, cacheForever: true, ContentSecurityPolicy)
                : EmbeddedClientResponses.NotFound(context));
        return app;
    }

    private const string AssetsKey = "GraphiQL";

    private const string AssetPathPrefixPattern = "/graphiql/assets/{fileName}";

    /// <summary>GET or HEAD of the endpoint itself, accepting HTML, with no operation in the query string.</summary>
    private static bool IsBrowserVisit(HttpRequest request, string endpointPath)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) ||
            !request.Path.Equals(endpointPath, StringComparison.OrdinalIgnoreCase) ||
            request.Query.ContainsKey("query") || request.Query.ContainsKey("extensions") || request.Query.ContainsKey("documentId"))
        {
            return false;
        }

        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) &&
            accepted.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && type.Quality is not 0);
    }
}
