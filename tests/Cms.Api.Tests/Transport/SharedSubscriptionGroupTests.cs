using Cms.Api.Transport;
using GraphQL;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// The groups of shared subscriptions, on a stream this test drives: the stream starts when the first subscriber arrives,
/// a subscriber joining a running group needs no execution of its own, the group waits for a subscriber on its way, and
/// one arriving after the stream ended hears so.
/// </summary>
public sealed class SharedSubscriptionGroupTests
{
    [Fact]
    public void A_subscriber_joins_the_running_group_which_keeps_running_for_a_subscriber_on_its_way()
    {
        var shared = new SharedSubscriptions();
        Assert.Null(shared.JoinRunning("op"));

        var source = new Source();
        var execution = new Execution();
        var first = new Recorder();
        var firstPlace = shared.Share("op", source, execution);
        Assert.Equal(0, source.Subscriptions);
        var firstSubscription = firstPlace.Subscribe(first);
        Assert.Equal(1, source.Subscriptions);

        // Two join without executing: the group's one subscription to the source serves them all.
        var second = new Recorder();
        var secondSubscription = shared.JoinRunning("op")!.Subscribe(second);
        var onTheWay = shared.JoinRunning("op")!;
        Assert.Equal(1, source.Subscriptions);
        source.Publish("event 1");
        Assert.Equal(["event 1"], first.Received);
        Assert.Equal(["event 1"], second.Received);

        // Everyone subscribed leaves; the group still runs for the one on its way, who then receives what follows.
        firstSubscription.Dispose();
        secondSubscription.Dispose();
        Assert.Equal(1, shared.GroupCount);
        Assert.False(execution.Disposed);
        var third = new Recorder();
        var thirdSubscription = onTheWay.Subscribe(third);
        source.Publish("event 2");
        Assert.Equal(["event 2"], third.Received);
        Assert.Equal(["event 1"], second.Received);

        // The last one leaves: the group ends, its source subscription and execution are released.
        thirdSubscription.Dispose();
        Assert.Equal(0, shared.GroupCount);
        Assert.Equal(0, source.Subscriptions);
        Assert.True(execution.Disposed);
        Assert.Null(shared.JoinRunning("op"));
    }

    [Fact]
    public void A_subscriber_arriving_after_the_stream_ended_is_told_it_completed()
    {
        var shared = new SharedSubscriptions();
        var source = new Source();
        var first = new Recorder();
        using var firstSubscription = shared.Share("op", source, new Execution()).Subscribe(first);
        var onTheWay = shared.JoinRunning("op")!;

        source.Complete();
        Assert.True(first.Completed);
        Assert.Equal(0, shared.GroupCount);

        var late = new Recorder();
        using var lateSubscription = onTheWay.Subscribe(late);
        Assert.True(late.Completed);
        Assert.Empty(late.Received);
    }

    private sealed class Source : IObservable<ExecutionResult>
    {
        private readonly List<IObserver<ExecutionResult>> _observers = [];

        public int Subscriptions => _observers.Count;

        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            _observers.Add(observer);
            return new Unsubscriber(() => _observers.Remove(observer));
        }

        public void Publish(string text)
        {
            foreach (var observer in _observers.ToList())
            {
                observer.OnNext(new ExecutionResult { Data = text });
            }
        }

        public void Complete()
        {
            foreach (var observer in _observers.ToList())
            {
                observer.OnCompleted();
            }
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }

    private sealed class Execution : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class Recorder : IObserver<ExecutionResult>
    {
        public List<string> Received { get; } = [];

        public bool Completed { get; private set; }

        public void OnNext(ExecutionResult value) => Received.Add((string)value.Data!);

        public void OnError(Exception error) => throw error;

        public void OnCompleted() => Completed = true;
    }
}
