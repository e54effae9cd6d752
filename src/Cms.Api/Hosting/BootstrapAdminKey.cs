using Cms.Api.HttpSecurity;
using Cms.Model.Persistence;
using Cms.Model.Security;
using Microsoft.Extensions.Options;

namespace Cms.Api.Hosting;

/// <summary>A start-up step: a new embedded database gets an admin key, so a new user can try mutations at once.</summary>
public static class BootstrapAdminKey
{
    /// <summary>On first run of a database without keys (the embedded default), creates an admin key and prints it once.</summary>
    public static async Task EnsureBootstrapAdminKeyAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
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

        var (key, secret) = (await keys.CreateAsync("bootstrap-admin", Role.Admin, null, "bootstrap", cancellationToken)).Value!;

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
}
