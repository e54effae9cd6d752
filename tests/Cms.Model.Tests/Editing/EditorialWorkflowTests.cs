using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Cms.Model.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Editing;

public sealed class EditorialWorkflowTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Unpublishing_logs_it_and_a_second_unpublish_is_an_invalid_state()
    {
        var id = await CreatePublishedAsync("marathon");

        var first = await Editor(e => e.UnpublishAsync(id, "publisher"));
        var second = await Editor(e => e.UnpublishAsync(id, "publisher"));

        Assert.Equal((ArticleStatus.Draft, (int?)null), (first.Value!.Status, first.Value.PublishedVersionNumber));
        Assert.IsType<InvalidStateError>(Assert.Single(second.Errors));
        await using var db = _database.CreateContext();
        Assert.Equal([PublicationAction.Published, PublicationAction.Unpublished], await db.PublicationLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_changed_slug_leaves_a_redirect_that_no_other_article_can_take()
    {
        var id = await CreatePublishedAsync("marathon");

        var changed = await Editor(e => e.ChangeSlugAsync(id, "battle-of-marathon", "editor"));
        var taken = await Editor(e => e.CreateAsync("marathon", TestContent.Valid(), "other"));
        var back = await Editor(e => e.ChangeSlugAsync(id, "marathon", "editor"));

        Assert.Equal("battle-of-marathon", changed.Value!.Slug);
        Assert.Equal(new SlugTakenError("marathon"), Assert.Single(taken.Errors));
        Assert.Equal("marathon", back.Value!.Slug);
        await using var db = _database.CreateContext();
        Assert.Equal(["battle-of-marathon"], await db.SlugRedirects.Select(r => r.OldSlug).ToListAsync());
    }

    [Fact]
    public async Task Restoring_adds_a_version_equal_to_the_old_one_and_rewrites_nothing()
    {
        var id = await CreatePublishedAsync("marathon");
        await Editor(e => e.SaveVersionAsync(id, 1, new ArticleChanges { Title = "Changed", KeyFacts = ["Only one"] }, "editor"));

        var restored = await Editor(e => e.RestoreVersionAsync(id, 1, 2, "publisher"));
        var stale = await Editor(e => e.RestoreVersionAsync(id, 1, 2, "publisher"));
        var missing = await Editor(e => e.RestoreVersionAsync(id, 9, 3, "publisher"));

        Assert.Equal((3, "Restored version 1"), (restored.Value!.Number, restored.Value.ChangeNote));
        Assert.Equal(new VersionConflictError(2, 3), Assert.Single(stale.Errors));
        Assert.IsType<NotFoundError>(Assert.Single(missing.Errors));
        await using var db = _database.CreateContext();
        var versions = await db.ArticleVersions.OrderBy(v => v.Number).ToListWithContentAsync(db, VersionParts.All);
        Assert.Equal(["The Battle of Marathon", "Changed", "The Battle of Marathon"], versions.Select(v => v.Title));
        Assert.Equal(versions[0].ToContent().KeyFacts, versions[2].ToContent().KeyFacts);
    }

    [Fact]
    public async Task Archived_and_deleted_articles_refuse_changes_with_typed_errors()
    {
        var archivedId = await CreatePublishedAsync("archived");
        var deletedId = await CreatePublishedAsync("deleted");

        var archived = await Editor(e => e.ArchiveAsync(archivedId, "publisher"));
        var deleted = await Editor(e => e.DeleteAsync(deletedId, "admin"));
        var saveArchived = await Editor(e => e.SaveVersionAsync(archivedId, 1, new ArticleChanges { Title = "x" }, "editor"));
        var restoreDeleted = await Editor(e => e.RestoreVersionAsync(deletedId, 1, 1, "publisher"));
        var publishDeleted = await Editor(e => e.PublishAsync(deletedId, null, "publisher"));

        Assert.Equal((ArticleStatus.Archived, (int?)null), (archived.Value!.Status, archived.Value.PublishedVersionNumber));
        Assert.True(deleted.Value!.IsDeleted);
        Assert.Null(deleted.Value.PublishedVersionNumber);
        Assert.All(new[] { saveArchived.Errors, restoreDeleted.Errors, publishDeleted.Errors }, errors => Assert.IsType<InvalidStateError>(Assert.Single(errors)));
    }

    [Fact]
    public async Task Purging_removes_the_whole_history_but_is_refused_while_published()
    {
        var id = await CreatePublishedAsync("purge-me");
        await Editor(e => e.ChangeSlugAsync(id, "purge-me-too", "editor"));

        var refused = await Editor(e => e.PurgeAsync(id, "tests"));
        await Editor(e => e.UnpublishAsync(id, "publisher"));
        var purged = await Editor(e => e.PurgeAsync(id, "tests"));

        Assert.IsType<InvalidStateError>(Assert.Single(refused.Errors));
        Assert.True(purged.Succeeded);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync() + await db.ArticleVersions.CountAsync() + await db.PublicationLog.CountAsync() + await db.SlugRedirects.CountAsync() + await db.Set<Section>().CountAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_writers_on_one_version_never_lose_an_update()
    {
        var id = await CreatePublishedAsync("contested");
        var successes = new List<int>();
        var conflicts = 0;

        // Each round, 20 writers save on the version they all read; exactly the successful saves become versions.
        for (var round = 0; round < 3; round++)
        {
            var expected = await LatestAsync(id);
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(() =>
                Editor(e => e.SaveVersionAsync(id, expected, new ArticleChanges { Title = $"Round {round} writer {writer}" }, $"writer-{writer}")))));
            successes.AddRange(results.Where(r => r.Succeeded).Select(r => r.Value!.Number));
            conflicts += results.Count(r => r.Errors.Any(e => e is VersionConflictError));
            Assert.Equal(20, results.Count(r => r.Succeeded || r.Errors.Any(e => e is VersionConflictError)));
        }

        await using var db = _database.CreateContext();
        var numbers = await db.ArticleVersions.Where(v => v.ArticleId == id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Equal(numbers.Count - 1, successes.Count);
        Assert.Equal(successes.Count, successes.Distinct().Count());
        Assert.Equal(60, successes.Count + conflicts);
        var titles = await db.ArticleVersions.Where(v => v.Number > 1).Select(v => v.Title).ToListAsync();
        Assert.All(titles, t => Assert.StartsWith("Round", t, StringComparison.Ordinal));
    }

    private async Task<Guid> CreatePublishedAsync(string slug)
    {
        var created = await Editor(e => e.CreateAsync(slug, TestContent.Valid(), "editor"));
        await Editor(e => e.PublishAsync(created.Value!.Id, null, "publisher"));
        return created.Value!.Id;
    }

    private async Task<int> LatestAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.Articles.Where(a => a.Id == id).Select(a => a.LatestVersionNumber).SingleAsync();
    }

    private async Task<EditResult<T>> Editor<T>(Func<ArticleEditor, Task<EditResult<T>>> command)
        where T : class
    {
        await using var db = _database.CreateContext();
        return await command(new ArticleEditor(db, TimeProvider.System));
    }
}
