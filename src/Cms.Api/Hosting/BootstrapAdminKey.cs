using Cms.Api.HttpSecurity;
using Cms.Api.Transport;
using Cms.Model.Persistence;
using Cms.Model.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cms.Api.Hosting;

/// <summary>A start-up step: a new embedded database gets an admin key, so a new user can try mutations at once.</summary>
public static class BootstrapAdminKey
{
    /// <summary>
    /// On first run of a database without keys (the embedded default outside Production), creates an admin key and prints
    /// it once, when the server has started: after its "Now listening on" line, where no start-up line scrolls it away.
    /// </summary>
    public static async Task EnsureBootstrapAdminKeyAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        // Production never makes one unasked (a single-instance SQLite deployment included): keys come from the apikeys command.
        if (!(auth.BootstrapAdminKey ?? (database.Provider == DatabaseProvider.Sqlite && !app.Environment.IsProduction())))
        {
            return;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().AnyAsync(cancellationToken))
            {
                return;
            }
        }

        // Made and printed once the server listens, after the host's own start-up lines: a server that never starts (its
        // port taken, say) leaves no key that nobody saw, and the next start makes one.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            using var scope = app.Services.CreateScope();
            var (key, secret) = scope.ServiceProvider.GetRequiredService<ApiKeyService>()
                .CreateAsync("bootstrap-admin", Role.Admin, null, "bootstrap", CancellationToken.None).GetAwaiter().GetResult().Value!;
            Console.Out.Write(Block(key.PublicId, secret, Endpoints(app)));
        });
    }

    /// <summary>The printed block. Printed, not logged: logs are collected and kept, and this secret must appear exactly once.</summary>
    internal static string Block(string publicId, string secret, IReadOnlyList<string> endpoints)
    {
        var rule = new string('=', 72);
        var listening = endpoints.Count == 0 ? string.Empty : $"GraphQL: {string.Join("  ", endpoints)} (GraphiQL when opened in a browser)\n";
        return $"""

            {rule}
            {listening}An admin API key was created for this new database (name "bootstrap-admin", id {publicId}).
            It is shown only now; store it somewhere safe:

                {secret}

            Send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>". Make more with:
                dotnet run --project src/Cms.Api -- apikeys create --name <name> --role <viewer|editor|publisher|admin>
            {rule}


            """;
    }

    private static List<string> Endpoints(WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Path;
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return [.. addresses.Select(a => a.TrimEnd('/') + path)];
    }
}
