using GraphQL;

namespace Cms.Api.Transport;

/// <summary>
/// Subscribers without credentials who run the same operation (document, operation name, variables) receive the same
/// results, so they share one running execution: each event is executed and read once for all of them, and an idle
/// subscriber holds only its place in the group, not an execution of its own. A caller with any credentials runs its
/// own, since what it may read depends on who it is (as the response cache stores anonymous answers only).
/// A subscriber first reserves its place (the group then keeps running for it) and takes it when it subscribes.
/// </summary>
public sealed class SharedSubscriptions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);

    /// <summary>Running shared executions on this instance.</summary>
    public int GroupCount
    {
        get
        {
            lock (_gate)
            {
                return _groups.Count;
            }
        }
    }

    /// <summary>
    /// The results of operation <paramref name="key"/> for one more subscriber: a place in the running group (and
    /// <paramref name="execution"/>, not needed, is disposed at once), or in a new group on <paramref name="stream"/>, which
    /// then owns <paramref name="execution"/> (its services and cancellation) until its last subscriber leaves.
    /// </summary>
    public IObservable<ExecutionResult> Share(string key, IObservable<ExecutionResult> stream, IDisposable execution)
    {
        Place place;
        bool joined;
        lock (_gate)
        {
            joined = _groups.TryGetValue(key, out var group);
            if (!joined)
            {
                group = new Group(this, key, stream, execution);
                _groups.Add(key, group);
            }

            place = group!.Reserve();
        }

        if (joined)
        {
            execution.Dispose();
        }

        return place;
    }

    /// <summary>
    /// The results of operation <paramref name="key"/> for one more subscriber when a group runs it already, without a new
    /// execution: the group's subscribers passed the same validation with the same document, variables and (no) identity.
    /// Null when no group runs it.
    /// </summary>
    public IObservable<ExecutionResult>? JoinRunning(string key)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(key, out var group) ? group.Reserve() : null;
        }
    }

    /// <summary>The group's subscribers and its one subscription to the execution's stream, made when the first arrives.</summary>
    private sealed class Group(SharedSubscriptions owner, string key, IObservable<ExecutionResult> stream, IDisposable execution) : IObserver<ExecutionResult>
    {
        private readonly SnapshotSet<IObserver<ExecutionResult>> _members = new();
        private IObservable<ExecutionResult>? _unstarted = stream;
        private IDisposable? _source;
        private int _reserved;
        private bool _ended;

        /// <summary>Under the owner's lock: a subscriber on its way, for whom the group keeps running.</summary>
        public Place Reserve()
        {
            _reserved++;
            return new Place(this);
        }

        /// <summary>The reserved subscriber arrives: it joins (the first starts the stream), or learns that it has ended.</summary>
        public Leaving Arrive(IObserver<ExecutionResult> observer)
        {
            bool ended;
            IObservable<ExecutionResult>? start;
            lock (owner._gate)
            {
                _reserved--;
                ended = _ended;
                if (!ended)
                {
                    _members.Add(observer);
                }

                start = _unstarted;
                _unstarted = null;
            }

            if (ended)
            {
                observer.OnCompleted();
            }
            else if (start is not null)
            {
                Start(start);
            }

            // Leaving a group that has ended is a no-op.
            return new Leaving(this, observer);
        }

        public void Remove(IObserver<ExecutionResult> observer)
        {
            lock (owner._gate)
            {
                if (!_members.Remove(observer) || _members.Count > 0 || _reserved > 0)
                {
                    return;
                }

                EndUnderLock();
            }

            Release();
        }

        public void OnNext(ExecutionResult value)
        {
            foreach (var member in Members())
            {
                member.OnNext(value);
            }
        }

        public void OnError(Exception error) => End(member => member.OnError(error));

        public void OnCompleted() => End(member => member.OnCompleted());

        private void Start(IObservable<ExecutionResult> source)
        {
            var subscription = source.Subscribe(this);
            bool ended;
            lock (owner._gate)
            {
                ended = _ended;
                _source = subscription;
            }

            if (ended)
            {
                subscription.Dispose();
            }
        }

        private IObserver<ExecutionResult>[] Members()
        {
            lock (owner._gate)
            {
                return _members.Snapshot();
            }
        }

        private void End(Action<IObserver<ExecutionResult>> notify)
        {
            IObserver<ExecutionResult>[] members;
            lock (owner._gate)
            {
                if (_ended)
                {
                    return;
                }

                members = _members.Clear();
                EndUnderLock();
            }

            foreach (var member in members)
            {
                notify(member);
            }

            Release();
        }

        private void EndUnderLock()
        {
            _ended = true;
            if (owner._groups.TryGetValue(key, out var mapped) && ReferenceEquals(mapped, this))
            {
                owner._groups.Remove(key);
            }
        }

        private void Release()
        {
            IDisposable? source;
            lock (owner._gate)
            {
                source = _source;
                _source = null;
            }

            source?.Dispose();
            execution.Dispose();
        }
    }

    /// <summary>A reserved place in a group, taken by the one subscription made to it.</summary>
    private sealed class Place(Group group) : IObservable<ExecutionResult>
    {
        private int _subscribed;

        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            if (Interlocked.Exchange(ref _subscribed, 1) == 1)
            {
                throw new InvalidOperationException("A shared subscription is subscribed to once, by the connection that asked for it.");
            }

            return group.Arrive(observer);
        }
    }

    private sealed class Leaving(Group group, IObserver<ExecutionResult> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                group.Remove(observer);
            }
        }
    }
}
