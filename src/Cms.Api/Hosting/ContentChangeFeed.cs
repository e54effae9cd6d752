using Cms.Api.Transport;
using Cms.Model.Delivery;
using Cms.Model.Events;
using Cms.Model.Persistence;

namespace Cms.Api.Hosting;

/// <summary>
/// The response cache's change feed: the outbox every change writes its events to in its own transaction, read through
/// the one outbox reader (which waits at a young hole in the sequence), each event turned into the tags of the answers it
/// made stale.
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
        var events = await ChangeFeedReader.ReadAfterAsync(db.ChangeEvents, position, Batch, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var tags = events.SelectMany(AnswerTags.StaleAfter).ToHashSet(StringComparer.Ordinal);
        return new ContentChangeBatch(events.Count == 0 ? position : events[^1].Sequence, tags, events.Count == Batch);
    }
}
