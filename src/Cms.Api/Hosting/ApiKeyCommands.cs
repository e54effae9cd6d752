using System.Globalization;
using Cms.Model.Outcomes;
using Cms.Model.Security;

namespace Cms.Api.Hosting;

/// <summary><c>apikeys create | list | revoke</c>: key management for operators, against the configured database.</summary>
internal static class ApiKeyCommands
{
    public static async Task<int> RunAsync(WebApplication app, CommandLine command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var output = Console.Out;
        switch (command.Arguments)
        {
            case ["create"]:
                if (!command.Options.TryGetValue("role", out var roleName) || !Roles.TryParse(roleName, out var role))
                {
                    return await FailAsync("apikeys create needs --role viewer, editor, publisher or admin.");
                }

                DateTime? expires = null;
                if (command.Options.TryGetValue("expires", out var expiresText))
                {
                    if (!DateTime.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        return await FailAsync($"--expires '{expiresText}' is not a date (use ISO 8601, such as 2027-01-31 or 2027-01-31T12:00:00Z).");
                    }

                    expires = parsed;
                }

                var created = await keys.CreateAsync(command.Options.GetValueOrDefault("name") ?? string.Empty, role, expires, $"cli:{Environment.UserName}");
                if (created.Value is not var (key, secret))
                {
                    return await FailAsync(string.Join(Environment.NewLine, created.Errors.Select(e => e is ValidationProblem p ? $"--{p.Field}: {p.Message}" : e.Message)));
                }

                await output.WriteLineAsync($"Created API key \"{key.Name}\" ({key.Role.ToName()}, id {key.PublicId}{(key.ExpiresAt is { } at ? $", expires {at:u}" : string.Empty)}).");
                await output.WriteLineAsync("This is the only time it is shown:");
                await output.WriteLineAsync(secret);
                return 0;
            case ["list"]:
                await output.WriteLineAsync($"{"PUBLIC ID",-13} {"ROLE",-10} {"STATE",-8} {"LAST USED",-20} NAME");
                foreach (var each in await keys.ListAsync())
                {
                    var state = each.RevokedAt is not null ? "revoked" : each.IsActive(DateTime.UtcNow) ? "active" : "expired";
                    await output.WriteLineAsync($"{each.PublicId,-13} {each.Role.ToName(),-10} {state,-8} {each.LastUsedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never",-20} {each.Name}");
                }

                return 0;
            case ["revoke", var id]:
                var revoked = (await keys.RevokeAsync(id)).Value;
                if (revoked is null)
                {
                    return await FailAsync($"No API key has the id '{id}'.");
                }

                await output.WriteLineAsync($"Revoked API key \"{revoked.Name}\" ({revoked.PublicId}).");
                return 0;
            default:
                return await FailAsync("Usage: " + CommandLine.Commands["apikeys"]);
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}
