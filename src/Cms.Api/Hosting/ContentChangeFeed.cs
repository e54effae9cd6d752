using Cms.Api.Transport;
using Cms.Model.Delivery;
using Cms.Model.Events;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Hosting;

/// <summary>
/// The response cache's change feed: the outbox every change writes its events to in its own transaction, read with the
/// one outbox reader's rules (a young hole in the sequence is waited for), each event turned into the tags of the answers
/// it made stale.
/// </summary>
internal sealed class ContentChangeFeed(IServiceScopeFactory scopes, TimeProvider clock) : IContentChangeFeed
{
    private const int Batch = 500;

    public async ValueTask<long> GetPositionAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ChangeFeedReader.LatestSequenceAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>().ChangeEvents, cancellationToken);
    }

    public async ValueTask<ContentChangeBatch> ReadAfterAsync(long position, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var read = await ChangeFeedReader.After(db.ChangeEvents, position, Batch).ToListAsync(cancellationToken);

        // Every event read is dropped at once, also those after a young hole (a change on SQL Server that took an earlier
        // sequence and has not committed yet); the position stops before the hole, so the event that fills it is read
        // when it commits, and the ones after it are dropped again then, which is harmless.
        var upToHole = ChangeFeedReader.UpToFirstYoungGap(read, position, clock.GetUtcNow().UtcDateTime);
        var tags = read.SelectMany(AnswerTags.StaleAfter).ToHashSet(StringComparer.Ordinal);
        return new ContentChangeBatch(upToHole.Count == 0 ? position : upToHole[^1].Sequence, tags, read.Count == Batch && upToHole.Count == read.Count);
    }
}
