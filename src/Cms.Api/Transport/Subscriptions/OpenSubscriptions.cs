using System.Diagnostics.Metrics;
using GraphQL;

namespace Cms.Api.Transport;

/// <summary>
/// Subscriptions open on this instance over both transports, each counted once whether it runs its own execution or
/// shares one (a gauge for operators; tests wait on it before changing anything).
/// </summary>
public sealed class OpenSubscriptions : IDisposable
{
    private readonly Meter _meter = new(GraphQLTelemetry.MeterName);
    private int _count;

    public OpenSubscriptions() =>
        _meter.CreateObservableGauge("graphql.subscriptions.active", () => Count, description: "Subscriptions open on this instance, over both transports.");

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _meter.Dispose();

    /// <summary>The same stream, counted from its subscription until that is disposed.</summary>
    public IObservable<ExecutionResult> Track(IObservable<ExecutionResult> stream) => new Tracked(this, stream);

    private sealed class Tracked(OpenSubscriptions owner, IObservable<ExecutionResult> stream) : IObservable<ExecutionResult>
    {
        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            var subscription = stream.Subscribe(observer);
            Interlocked.Increment(ref owner._count);
            return new Closing(owner, subscription);
        }
    }

    private sealed class Closing(OpenSubscriptions owner, IDisposable subscription) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                subscription.Dispose();
                Interlocked.Decrement(ref owner._count);
            }
        }
    }
}
