using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// One timer for the keep-alive pings of every WebSocket and event stream on this instance, instead of a timer and a
/// waiting loop per connection: an idle subscription should cost as little memory as possible, and a thousand timers
/// firing at their own moments do nothing one cannot.
/// </summary>
public sealed class StreamingKeepAlive : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SnapshotSet<Registration> _registered = new();
    private readonly Timer _timer;

    public StreamingKeepAlive(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var interval = options.Value.Subscriptions.KeepAlive;
        _timer = new Timer(static state => ((StreamingKeepAlive)state!).Tick(), this, interval, interval);
    }

    /// <summary>Calls <paramref name="ping"/> at every keep-alive interval until the registration is disposed.</summary>
    public IDisposable Register(Action ping)
    {
        var registration = new Registration(this, ping);
        lock (_gate)
        {
            _registered.Add(registration);
        }

        return registration;
    }

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        Registration[] due;
        lock (_gate)
        {
            due = _registered.Snapshot();
        }

        foreach (var registration in due)
        {
            registration.Ping();
        }
    }

    private sealed class Registration(StreamingKeepAlive owner, Action ping) : IDisposable
    {
        public void Ping() => ping();

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._registered.Remove(this);
            }
        }
    }
}
