namespace Cms.Model.Articles;

/// <summary>
/// A publication set for a later moment. Stored, not held in memory, so it survives restarts; run exactly once
/// by whichever instance claims it first with a conditional update.
/// </summary>
public sealed class ScheduledPublication
{
    private ScheduledPublication()
    {
    }

    public long Id { get; private set; }

    public Guid ArticleId { get; private set; }

    public int VersionNumber { get; private set; }

    public DateTime At { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public ScheduleState State { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>Why a schedule failed (the article was archived or deleted meanwhile, say).</summary>
    public string? Outcome { get; private set; }

    internal static ScheduledPublication Create(Guid articleId, int versionNumber, DateTime at, string createdBy, DateTime now) =>
        new() { ArticleId = articleId, VersionNumber = versionNumber, At = at, CreatedBy = createdBy, CreatedAt = now, State = ScheduleState.Pending };

    internal void Cancel(DateTime now)
    {
        State = ScheduleState.Cancelled;
        CompletedAt = now;
    }
}
