using Cms.Model.Events;

namespace Cms.Api.Subscriptions;

/// <summary>
/// This instance's live view of the outbox: the poller publishes each committed event once, in sequence order, to every
/// subscription open here. It holds no events, only the subscribers; a missed event is never made up from memory but read
/// from the table. Here is where a message bus would plug in (Azure Web PubSub, Service Bus) when one database poll per
/// instance stops being enough: publish from the bus instead of the poller, and nothing above changes.
/// </summary>
public sealed class ChangeFeed : IObservable<ChangeEvent>
{
    private readonly Lock _gate = new();
    private IObserver<ChangeEvent>[] _observers = [];

    /// <summary>
    /// Executions listening here: one per subscription with credentials, one per group of anonymous subscribers sharing an
    /// execution (the transport's <c>graphql.subscriptions.active</c> counts subscriptions).
    /// </summary>
    public int ListenerCount => Volatile.Read(ref _observers).Length;

    /// <summary>The last sequence published; subscribers see the events after it.</summary>
    public long Position { get; private set; }

    public IDisposable Subscribe(IObserver<ChangeEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Unsubscriber(this, observer);
    }

    internal void StartAt(long position) => Position = position;

    internal void Publish(ChangeEvent change)
    {
        Position = change.Sequence;
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.OnNext(change);
        }
    }

    internal void CompleteAll()
    {
        IObserver<ChangeEvent>[] observers;
        lock (_gate)
        {
            observers = _observers;
            _observers = [];
        }

        foreach (var observer in observers)
        {
            observer.OnCompleted();
        }
    }

    private void Remove(IObserver<ChangeEvent> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    private sealed class Unsubscriber(ChangeFeed feed, IObserver<ChangeEvent> observer) : IDisposable
    {
        public void Dispose() => feed.Remove(observer);
    }
}
