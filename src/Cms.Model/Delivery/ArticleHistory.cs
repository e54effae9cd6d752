using Cms.Model.Articles;
using Cms.Model.Persistence;
using Cms.Model.Querying;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Delivery;

/// <summary>History, and what was public when: the reads behind versions lists and citations checked later.</summary>
public sealed class ArticleHistory(CmsDbContext db)
{
    /// <summary>Versions newest first (without their lists), starting below <paramref name="beforeNumber"/>, and whether more follow.</summary>
    public async Task<(IReadOnlyList<VersionHistoryEntry> Items, bool HasMore)> VersionsAsync(Guid articleId, int first, int? beforeNumber, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, Paging.MaxPageSize);
        var versions = await db.ArticleVersions.AsNoTracking()
            .Where(v => v.ArticleId == articleId && (beforeNumber == null || v.Number < beforeNumber))
            .OrderByDescending(v => v.Number)
            .Take(first + 1)
            .ToListAsync(cancellationToken);
        var published = await db.PublicationLog.AsNoTracking()
            .Where(e => e.ArticleId == articleId && e.VersionNumber != null)
            .Select(e => e.VersionNumber!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
        var items = versions.Take(first).Select(v => new VersionHistoryEntry(v, published.Contains(v.Number))).ToList();
        return (items, versions.Count > first);
    }

    public Task<ScheduledPublication?> PendingScheduleAsync(Guid articleId, CancellationToken cancellationToken = default) =>
        db.ScheduledPublications.AsNoTracking().FirstOrDefaultAsync(s => s.ArticleId == articleId && s.State == ScheduleState.Pending, cancellationToken);

    /// <summary>A field-level comparison of two versions, or null when either does not exist.</summary>
    public async Task<Editing.ArticleComparison?> CompareAsync(Guid articleId, int from, int to, CancellationToken cancellationToken = default)
    {
        var versions = await db.ArticleVersions
            .Where(v => v.ArticleId == articleId && (v.Number == from || v.Number == to))
            .ToListWithContentAsync(db, VersionParts.All, cancellationToken);
        var (older, newer) = (versions.Find(v => v.Number == from), versions.Find(v => v.Number == to));
        return older is null || newer is null ? null : Editing.ArticleComparison.Between(older, newer);
    }

    /// <summary>The number of the version that was public at <paramref name="moment"/>, from the publication log; null if none was.</summary>
    public async Task<int?> PublishedVersionAtAsync(Guid articleId, DateTime moment, CancellationToken cancellationToken = default)
    {
        var last = await db.PublicationLog.AsNoTracking()
            .Where(e => e.ArticleId == articleId && e.At <= moment)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return last?.Action == PublicationAction.Published ? last.VersionNumber : null;
    }
}
