using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Events;

/// <summary>
/// Reads the outbox after a position, for every consumer (webhook fan-out, GraphQL subscriptions). Sequence numbers are
/// handed out when a change inserts its event but become visible when it commits, and on SQL Server two changes may
/// commit out of that order: reading straight past a hole could skip an event that commits a moment later. So a read
/// stops before a hole until the hole is older than <see cref="GapGrace"/>; a hole that old is a change that rolled back
/// (or an identity jump after a restart), never an event still to come.
/// </summary>
public static class ChangeFeedReader
{
    /// <summary>How long a hole in the sequence is waited for; far longer than any change's transaction.</summary>
    public static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(5);

    /// <summary>The events after <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    public static async Task<IReadOnlyList<ChangeEvent>> ReadAfterAsync(
        IQueryable<ChangeEvent> events, long afterSequence, int max, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var read = await After(events, afterSequence, max).ToListAsync(cancellationToken);
        return UpToFirstYoungGap(read, afterSequence, now);
    }

    /// <summary>The query behind <see cref="ReadAfterAsync"/>: the next events by sequence.</summary>
    public static IQueryable<ChangeEvent> After(IQueryable<ChangeEvent> events, long afterSequence, int max) =>
        events.AsNoTracking().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).Take(max);

    /// <summary>The events up to the first hole in the sequence that is younger than the grace.</summary>
    public static IReadOnlyList<ChangeEvent> UpToFirstYoungGap(IReadOnlyList<ChangeEvent> read, long afterSequence, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(read);
        var expected = afterSequence + 1;
        for (var i = 0; i < read.Count; i++)
        {
            // The first read may follow a hole too, unless nothing has been read yet (a new consumer starts at 0).
            if (read[i].Sequence != expected && (afterSequence > 0 || i > 0) && now - read[i].OccurredAt < GapGrace)
            {
                return read.Take(i).ToList();
            }

            expected = read[i].Sequence + 1;
        }

        return read;
    }

    /// <summary>The latest sequence committed, where a new consumer that wants no history starts.</summary>
    public static async Task<long> LatestSequenceAsync(IQueryable<ChangeEvent> events, CancellationToken cancellationToken = default) =>
        await events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
}
