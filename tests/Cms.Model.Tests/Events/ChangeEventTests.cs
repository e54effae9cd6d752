using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Events;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Tests.Infrastructure;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Events;

/// <summary>The outbox: every article and media change records its event in the change's own transaction, and a refused or failed change records none.</summary>
public sealed class ChangeEventTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(Start);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Each_editorial_command_records_its_event_with_the_article_slug_versions_and_actor()
    {
        var id = (await Editor(e => e.CreateAsync("marathon", TestContent.Valid(), "writer"))).Value!.Id;
        await Editor(e => e.SaveVersionAsync(id, 1, new ArticleChanges { Title = "Marathon, 490 BCE" }, "writer"));
        await Editor(e => e.PublishAsync(id, 1, "publisher"));
        await Editor(e => e.PublishAsync(id, null, "publisher"));
        await Editor(e => e.SchedulePublicationAsync(id, 2, Start.UtcDateTime.AddDays(1), "publisher"));
        await Editor(e => e.CancelScheduledPublicationAsync(id, "publisher"));
        await Editor(e => e.ChangeSlugAsync(id, "battle-of-marathon", "publisher"));
        await Editor(e => e.RestoreVersionAsync(id, 1, 2, "publisher"));
        await Editor(e => e.UnpublishAsync(id, "publisher"));
        await Editor(e => e.ArchiveAsync(id, "publisher"));
        await Editor(e => e.DeleteAsync(id, "admin"));

        var events = await EventsAsync();

        Assert.Equal(
            [
                (ChangeEventTypes.ArticleCreated, "marathon", (int?)1, (int?)null, (string?)null, "writer"),
                (ChangeEventTypes.ArticleUpdated, "marathon", 2, null, null, "writer"),
                (ChangeEventTypes.ArticlePublished, "marathon", 1, null, null, "publisher"),
                (ChangeEventTypes.ArticlePublished, "marathon", 2, 1, null, "publisher"),
                (ChangeEventTypes.ArticleScheduled, "marathon", 2, null, null, "publisher"),
                (ChangeEventTypes.ArticleScheduleCancelled, "marathon", 2, null, null, "publisher"),
                (ChangeEventTypes.ArticleSlugChanged, "battle-of-marathon", 2, null, "marathon", "publisher"),
                (ChangeEventTypes.ArticleUpdated, "battle-of-marathon", 3, null, null, "publisher"),
                (ChangeEventTypes.ArticleUnpublished, "battle-of-marathon", 2, 2, null, "publisher"),
                (ChangeEventTypes.ArticleArchived, "battle-of-marathon", 3, null, null, "publisher"),
                (ChangeEventTypes.ArticleDeleted, "battle-of-marathon", 3, null, null, "admin"),
            ],
            events.Select(e => (e.Type, e.Slug!, e.Version, e.PreviousVersion, e.PreviousSlug, e.Actor)));
        Assert.All(events, e => Assert.Equal((id, (Guid?)null, Start.UtcDateTime), (e.ArticleId!.Value, e.AssetId, e.OccurredAt)));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Deleting_or_archiving_a_published_article_also_records_that_it_left_delivery()
    {
        var archived = await CreatePublishedAsync("archived");
        var deleted = await CreatePublishedAsync("deleted");

        await Editor(e => e.ArchiveAsync(archived, "publisher"));
        await Editor(e => e.DeleteAsync(deleted, "admin"));

        var events = (await EventsAsync()).Where(e => e.Type is not (ChangeEventTypes.ArticleCreated or ChangeEventTypes.ArticlePublished)).ToList();
        Assert.Equal(
            [
                (archived, ChangeEventTypes.ArticleUnpublished, (int?)1),
                (archived, ChangeEventTypes.ArticleArchived, (int?)null),
                (deleted, ChangeEventTypes.ArticleUnpublished, 1),
                (deleted, ChangeEventTypes.ArticleDeleted, null),
            ],
            events.Select(e => (e.ArticleId!.Value, e.Type, e.PreviousVersion)));
    }

    [Fact]
    public async Task A_draft_purged_at_once_is_announced_as_deleted_and_a_deleted_one_is_not_announced_twice()
    {
        var draft = (await Editor(e => e.CreateAsync("draft", TestContent.Valid(), "writer"))).Value!.Id;
        var deleted = (await Editor(e => e.CreateAsync("deleted", TestContent.Valid(), "writer"))).Value!.Id;
        await Editor(e => e.DeleteAsync(deleted, "admin"));

        await Editor(e => e.PurgeAsync(draft, "admin"));
        await Editor(e => e.PurgeAsync(deleted, "admin"));

        var deletions = (await EventsAsync()).Where(e => e.Type == ChangeEventTypes.ArticleDeleted).Select(e => e.ArticleId!.Value).ToList();
        Assert.Equal([deleted, draft], deletions);
    }

    [Fact]
    public async Task A_refused_command_records_nothing()
    {
        var id = await CreatePublishedAsync("marathon");
        var before = (await EventsAsync()).Count;

        var invalid = await Editor(e => e.SaveVersionAsync(id, 1, new ArticleChanges { Title = "" }, "writer"));
        var stale = await Editor(e => e.SaveVersionAsync(id, 7, new ArticleChanges { Title = "Stale" }, "writer"));
        var taken = await Editor(e => e.CreateAsync("marathon", TestContent.Valid(), "writer"));
        var nothingScheduled = await Editor(e => e.CancelScheduledPublicationAsync(id, "publisher"));
        var published = await Editor(e => e.PurgeAsync(id, "admin"));

        Assert.All([invalid.Errors, stale.Errors, taken.Errors, nothingScheduled.Errors, published.Errors], Assert.NotEmpty);
        Assert.Equal(before, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task A_change_whose_save_fails_leaves_no_event()
    {
        var id = (await Editor(e => e.CreateAsync("marathon", TestContent.Valid(), "writer"))).Value!.Id;

        // Two editors saving on version 1 at once: the one the concurrency token refuses leaves no article.updated behind.
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var firstEditor = new ArticleEditor(first, _clock);
        var secondEditor = new ArticleEditor(second, _clock);
        var results = await Task.WhenAll(
            firstEditor.SaveVersionAsync(id, 1, new ArticleChanges { Title = "First" }, "first"),
            secondEditor.SaveVersionAsync(id, 1, new ArticleChanges { Title = "Second" }, "second"));

        var updates = (await EventsAsync()).Where(e => e.Type == ChangeEventTypes.ArticleUpdated).ToList();
        var saved = Assert.Single(results, r => r.Succeeded);
        Assert.IsType<VersionConflictError>(Assert.Single(Assert.Single(results, r => !r.Succeeded).Errors));
        Assert.Equal(saved.Value!.Author, Assert.Single(updates).Actor);
    }

    [Fact]
    public async Task Media_changes_record_their_events_and_a_refused_deletion_records_none()
    {
        await using var db = _database.CreateContext();
        var library = new MediaLibrary(db, _clock);
        var file = new StoredFile($"originals/{Guid.NewGuid():N}", "map.png", MediaKind.Png, MediaInspection.ContentTypeOf(MediaKind.Png), 2048, new string('c', 64), new PixelSize(640, 480));

        var asset = (await library.CreateAsync(file, new MediaMetadata(AltText: "A map"), "editor")).Value!;
        await library.UpdateAsync(asset.Id, asset.Revision, new MediaMetadata(Caption: "The plain"), "editor");
        await library.DeleteAsync(asset.Id, "publisher");
        await Editor(e => e.CreateAsync("marathon", TestContent.Valid(), "writer"));
        var inUse = await library.DeleteAsync(TestContent.HeroAssetId, "publisher");

        Assert.IsType<AssetInUseError>(Assert.Single(inUse.Errors));
        var mediaEvents = (await EventsAsync()).Where(e => e.AssetId is not null).ToList();
        Assert.Equal(
            [(ChangeEventTypes.MediaCreated, "editor"), (ChangeEventTypes.MediaUpdated, "editor"), (ChangeEventTypes.MediaDeleted, "publisher")],
            mediaEvents.Select(e => (e.Type, e.Actor)));
        Assert.All(mediaEvents, e => Assert.Equal((asset.Id, (Guid?)null, (string?)null), (e.AssetId!.Value, e.ArticleId, e.Slug)));
    }

    [Fact]
    public void Only_the_documented_types_can_be_recorded()
    {
        Assert.Equal(12, ChangeEventTypes.All.Count);
        Assert.Throws<ArgumentException>(() => ChangeEvent.ForAsset("media.renamed", Guid.NewGuid(), "editor", Start.UtcDateTime));
    }

    private async Task<Guid> CreatePublishedAsync(string slug)
    {
        var created = await Editor(e => e.CreateAsync(slug, TestContent.Valid(), "writer"));
        await Editor(e => e.PublishAsync(created.Value!.Id, null, "publisher"));
        return created.Value!.Id;
    }

    private async Task<List<ChangeEvent>> EventsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.ChangeEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<EditResult<T>> Editor<T>(Func<ArticleEditor, Task<EditResult<T>>> command)
        where T : class
    {
        await using var db = _database.CreateContext();
        return await command(new ArticleEditor(db, _clock));
    }
}
