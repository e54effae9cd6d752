namespace Cms.Api.Transport;

/// <summary>
/// A set read far more often than it changes (the members a broadcast goes to): reading hands out one array, rebuilt
/// only after a change, so a broadcast to a thousand members copies nothing. Not thread-safe: its owner locks around it,
/// together with whatever else must change at the same moment.
/// </summary>
internal sealed class SnapshotSet<T>
    where T : class
{
    private readonly HashSet<T> _members = new(ReferenceEqualityComparer.Instance);
    private T[]? _snapshot;

    public int Count => _members.Count;

    public void Add(T member)
    {
        if (_members.Add(member))
        {
            _snapshot = null;
        }
    }

    public bool Remove(T member)
    {
        if (!_members.Remove(member))
        {
            return false;
        }

        _snapshot = null;
        return true;
    }

    /// <summary>The members now; the array is shared and must not be changed.</summary>
    public T[] Snapshot() => _snapshot ??= [.. _members];

    /// <summary>Empties the set and returns who was in it.</summary>
    public T[] Clear()
    {
        var members = Snapshot();
        _members.Clear();
        _snapshot = null;
        return members;
    }
}
