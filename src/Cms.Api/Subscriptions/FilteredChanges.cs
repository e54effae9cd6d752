using Cms.Model.Events;

namespace Cms.Api.Subscriptions;

/// <summary>The feed's events that one subscription asked for and may see.</summary>
public sealed class FilteredChanges(IObservable<ChangeEvent> feed, Func<ChangeEvent, bool> wanted) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer) => feed.Subscribe(new Filter(observer, wanted));

    private sealed class Filter(IObserver<object?> observer, Func<ChangeEvent, bool> wanted) : IObserver<ChangeEvent>
    {
        public void OnNext(ChangeEvent value)
        {
            if (wanted(value))
            {
                observer.OnNext(value);
            }
        }

        public void OnError(Exception error) => observer.OnError(error);

        public void OnCompleted() => observer.OnCompleted();
    }
}
