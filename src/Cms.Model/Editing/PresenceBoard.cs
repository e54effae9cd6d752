using Cms.Model.Articles;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Editing;

/// <summary>
/// Who has an article open: each open editor reports itself every <see cref="ReportInterval"/> and is counted present
/// until <see cref="Lifetime"/> passes without a report (a closed tab, a lost network), or until it says it left. Each
/// report sweeps every stale row, so the table holds only the people editing now.
/// </summary>
public sealed class PresenceBoard(CmsDbContext db, TimeProvider clock)
{
    /// <summary>How often an open editor should report (the studio does so).</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long a report counts: three missed reports and the editor is gone.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(45);

    /// <summary>Records that this session has the article open and answers who else has it open, longest first.</summary>
    public async Task<EditResult<IReadOnlyList<ArticleVisitor>>> ReportAsync(Guid articleId, string sessionId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Problem(sessionId) is { } problem)
        {
            return EditResult.Failure<IReadOnlyList<ArticleVisitor>>(problem);
        }

        if (!await db.Articles.AnyAsync(a => a.Id == articleId && a.DeletedAt == null, cancellationToken))
        {
            return EditResult.Failure<IReadOnlyList<ArticleVisitor>>(new NotFoundError("Article", articleId.ToString()));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - Lifetime;
        // One transaction, as every mutation: the sweep, this session's row and the answer read together.
        var others = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ArticlePresences.Where(p => p.SeenAt < stale).ExecuteDeleteAsync(cancellationToken);
            var seen = await db.ArticlePresences
                .Where(p => p.ArticleId == articleId && p.SessionId == sessionId && p.Actor == actor)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.SeenAt, now), cancellationToken);
            if (seen == 0)
            {
                db.Add(ArticlePresence.Open(articleId, sessionId, actor, now));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The session's row exists already (two reports at once, or an id another actor uses): a failed
                    // insert ends only its own statement on both providers, and there is nothing to add.
                    db.ChangeTracker.Clear();
                }
            }

            var present = await Others(db, articleId, sessionId, stale).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (IReadOnlyList<ArticleVisitor>)present;
        });
        return EditResult.Success(others);
    }

    /// <summary>Forgets this session's presence (the editor closed the article); only the actor who reported it can.</summary>
    public async Task<EditResult<string>> LeaveAsync(Guid articleId, string sessionId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Problem(sessionId) is { } problem)
        {
            return EditResult.Failure<string>(problem);
        }

        await db.ArticlePresences
            .Where(p => p.ArticleId == articleId && p.SessionId == sessionId && p.Actor == actor)
            .ExecuteDeleteAsync(cancellationToken);
        return EditResult.Success(sessionId);
    }

    /// <summary>Everyone else with the article open (seen since <paramref name="stale"/>), longest open first.</summary>
    internal static IQueryable<ArticleVisitor> Others(CmsDbContext db, Guid articleId, string sessionId, DateTime stale) =>
        db.ArticlePresences.AsNoTracking()
            .Where(p => p.ArticleId == articleId && p.SessionId != sessionId && p.SeenAt >= stale)
            .OrderBy(p => p.OpenedAt).ThenBy(p => p.SessionId)
            .Select(p => new ArticleVisitor(p.Actor, p.OpenedAt, p.SeenAt));

    private static ValidationProblem? Problem(string sessionId) =>
        string.IsNullOrWhiteSpace(sessionId) || sessionId.Length > ArticlePresence.MaxSessionIdLength
            ? new ValidationProblem("sessionId", ValidationCodes.OutOfRange, $"A session id has 1 to {ArticlePresence.MaxSessionIdLength} characters.")
            : null;
}
