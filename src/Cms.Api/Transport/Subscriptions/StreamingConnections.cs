using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>Counts the open streaming connections of each caller (key, token subject or address) against the limit.</summary>
public sealed class StreamingConnections(IOptions<GraphQLHttpOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot for the caller, released by disposing it; null when the caller is at the limit.</summary>
    public IDisposable? TryOpen(HttpContext http, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = CallerOf(http, user);
        var limit = options.Value.Subscriptions.MaxConnectionsPerCaller;
        while (true)
        {
            var current = _open.GetValueOrDefault(caller);
            if (current >= limit)
            {
                return null;
            }

            if (current == 0 ? _open.TryAdd(caller, 1) : _open.TryUpdate(caller, current + 1, current))
            {
                return new Slot(this, caller);
            }
        }
    }

    private static string CallerOf(HttpContext http, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Identity.Name is { } name
            ? "caller:" + name
            : "address:" + http.Connection.RemoteIpAddress;

    private void Release(string caller)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(caller);
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(caller, current)) : _open.TryUpdate(caller, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Slot(StreamingConnections owner, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(caller);
            }
        }
    }
}
