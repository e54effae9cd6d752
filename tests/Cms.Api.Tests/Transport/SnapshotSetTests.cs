using Cms.Api.Transport;

namespace Cms.Api.Tests.Transport;

public sealed class SnapshotSetTests
{
    [Fact]
    public void A_snapshot_is_reused_until_the_members_change_and_clearing_returns_who_was_there()
    {
        var set = new SnapshotSet<string>();
        var (first, second) = ("first", "second");
        set.Add(first);
        set.Add(second);

        var snapshot = set.Snapshot();
        set.Add(first);
        Assert.Same(snapshot, set.Snapshot());
        Assert.Equal([first, second], snapshot.Order());

        Assert.True(set.Remove(first));
        Assert.False(set.Remove(first));
        Assert.Equal([second], set.Snapshot());
        Assert.Equal([first, second], snapshot.Order());

        Assert.Equal([second], set.Clear());
        Assert.Empty(set.Snapshot());
        Assert.Equal(0, set.Count);
    }
}
