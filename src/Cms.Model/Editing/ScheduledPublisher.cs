using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Editing;

/// <summary>
/// Runs the schedules that are due. Each runs exactly once whatever the number of API instances: in one
/// transaction, the instance whose conditional update moves the row out of Pending publishes it; the others
/// change nothing and move on. A schedule that fell due while every instance was down runs on the next call.
/// </summary>
public sealed class ScheduledPublisher(CmsDbContext db, ArticleEditor editor, TimeProvider clock)
{
    public const int BatchSize = 50;

    /// <summary>Publishes what is due; returns how many schedules this call ran (succeeded or failed).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ScheduledPublications.AsNoTracking()
            .Where(s => s.State == ScheduleState.Pending && s.At <= now)
            .OrderBy(s => s.At)
            .Select(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, now, cancellationToken))
            {
                ran++;
            }
        }

        return ran;
    }

    private Task<bool> RunOneAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ScheduledPublications
                .Where(s => s.Id == id && s.State == ScheduleState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ScheduleState.Done).SetProperty(x => x.CompletedAt, now), cancellationToken);
            if (claimed == 0)
            {
                // Another instance ran it, or it was cancelled meanwhile.
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            var schedule = await db.ScheduledPublications.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
            var result = await editor.PublishAsync(schedule.ArticleId, schedule.VersionNumber, $"schedule:{schedule.CreatedBy}", cancellationToken);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                var outcome = string.Join("; ", result.Errors.Select(e => e.Message));
                await db.ScheduledPublications.Where(s => s.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ScheduleState.Failed).SetProperty(x => x.Outcome, outcome[..Math.Min(outcome.Length, 500)]), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        });
}
