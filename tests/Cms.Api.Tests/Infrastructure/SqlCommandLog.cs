using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>The SQL statements an app runs, read from EF Core's command log, for tests that count them.</summary>
public sealed class SqlCommandLog
{
    private const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    private readonly CapturingLoggerProvider _logs = new();

    /// <summary>Makes <paramref name="api"/> log its executed commands here.</summary>
    public CmsApiFactory AttachTo(CmsApiFactory api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // The background readers of the database (scheduling, webhook dispatch, the subscriptions' outbox tail) are off, so
        // that only the requests' own statements are counted.
        return api.WithSetting($"Logging:LogLevel:{Category}", "Information")
            .WithSetting("Scheduling:Enabled", "false")
            .WithSetting("Webhooks:Dispatch", "false")
            .WithSetting("ChangeFeed:Enabled", "false")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    /// <summary>Every statement executed so far, as logged (the SQL text included), in order.</summary>
    public List<string> Statements() =>
        [.. _logs.Entries.Where(e => e.Category == Category && e.Message.Contains("Executed DbCommand", StringComparison.Ordinal)).Select(e => e.Message)];
}
