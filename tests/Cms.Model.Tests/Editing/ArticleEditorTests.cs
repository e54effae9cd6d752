using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Cms.Model.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Model.Tests.Editing;

public sealed class ArticleEditorTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Creating_an_article_writes_version_1_as_a_draft()
    {
        var article = await CreateAsync("battle-of-marathon");

        await using var db = _database.CreateContext();
        var stored = await db.Articles.SingleAsync();
        var version = (await db.ArticleVersions.ToListWithContentAsync(db, VersionParts.All)).Single();
        Assert.Equal((article.Id, "battle-of-marathon", ArticleStatus.Draft, 1, (int?)null), (stored.Id, stored.Slug, stored.Status, stored.LatestVersionNumber, stored.PublishedVersionNumber));
        Assert.Equal((1, "editor@example.org", "First draft"), (version.Number, version.Author, version.ChangeNote));
        Assert.Equal(DateTimeKind.Utc, version.CreatedAt.Kind);
        AssertSameContent(TestContent.Valid(), version.ToContent());
    }

    [Fact]
    public async Task Invalid_content_returns_every_problem_and_writes_nothing()
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, TimeProvider.System);

        var result = await editor.CreateAsync("Not A Slug", TestContent.Valid() with { Title = "", KeyFacts = [""] }, "editor@example.org");

        Assert.False(result.Succeeded);
        Assert.Equal(["slug", "title", "keyFacts[0]"], result.Errors.Cast<ValidationProblem>().Select(p => p.Field));
        await AssertDatabaseIsEmptyAsync();
    }

    [Fact]
    public async Task A_slug_can_be_used_by_one_article_only()
    {
        await CreateAsync("battle-of-marathon");

        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).CreateAsync("battle-of-marathon", TestContent.Valid(), "other@example.org");

        Assert.Equal(new SlugTakenError("battle-of-marathon"), Assert.Single(result.Errors));
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Saving_makes_version_n_plus_1_from_version_n_and_leaves_version_n_untouched()
    {
        var article = await CreateAsync("battle-of-marathon");
        var newSections = new[] { new Section("section-1", "Moved first", "Edited body."), new Section("section-0", "Heading 0", "Body of section 0.") };

        await using (var db = _database.CreateContext())
        {
            var result = await new ArticleEditor(db, TimeProvider.System).SaveVersionAsync(
                article.Id, 1, new ArticleChanges { Title = "Marathon, 490 BCE", Sections = newSections }, "second@example.org", "Retitled");
            Assert.True(result.Succeeded);
            Assert.Equal(2, result.Value!.Number);
        }

        await using var check = _database.CreateContext();
        var versions = await check.ArticleVersions.OrderBy(v => v.Number).ToListWithContentAsync(check, VersionParts.All);
        var first = versions[0].ToContent();
        var second = versions[1].ToContent();
        AssertSameContent(TestContent.Valid(), first);
        AssertSameContent(TestContent.Valid() with { Title = "Marathon, 490 BCE", Sections = newSections }, second);
        Assert.Equal(("second@example.org", "Retitled"), (versions[1].Author, versions[1].ChangeNote));
        var stored = await check.Articles.SingleAsync();
        Assert.Equal((2, "second@example.org"), (stored.LatestVersionNumber, stored.UpdatedBy));
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_a_conflict_and_writes_nothing()
    {
        var article = await CreateAsync("battle-of-marathon");
        await SaveAsync(article.Id, 1, "Second");

        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).SaveVersionAsync(article.Id, 1, new ArticleChanges { Title = "Stale" }, "late@example.org");

        Assert.Equal(new VersionConflictError(1, 2), Assert.Single(result.Errors));
        Assert.Equal(2, await db.ArticleVersions.CountAsync());
    }

    [Fact]
    public async Task When_another_editor_saves_between_read_and_write_the_database_refuses_the_second_save()
    {
        var article = await CreateAsync("battle-of-marathon");

        // The interceptor lets a rival save land just before ours is written, after our editor checked the version.
        var rivalSaved = false;
        var interceptor = new BeforeSaveInterceptor(async () =>
        {
            if (!rivalSaved)
            {
                rivalSaved = true;
                await SaveAsync(article.Id, 1, "Rival");
            }
        });
        await using var db = _database.CreateContext(interceptor);
        var result = await new ArticleEditor(db, TimeProvider.System).SaveVersionAsync(article.Id, 1, new ArticleChanges { Title = "Mine" }, "me@example.org");

        Assert.Equal(new VersionConflictError(1, 2), Assert.Single(result.Errors));
        await using var check = _database.CreateContext();
        Assert.Equal(["The Battle of Marathon", "Rival"], await check.ArticleVersions.OrderBy(v => v.Number).Select(v => v.Title).ToListAsync());
    }

    [Fact]
    public async Task An_invalid_change_is_refused_and_writes_nothing()
    {
        var article = await CreateAsync("battle-of-marathon");

        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).SaveVersionAsync(
            article.Id, 1, new ArticleChanges { Summary = "", Tags = ["!!!"] }, "me@example.org");

        Assert.Equal(["summary", "tags[0]"], result.Errors.Cast<ValidationProblem>().Select(p => p.Field));
        Assert.Equal(1, await db.ArticleVersions.CountAsync());
        Assert.Equal(1, (await db.Articles.SingleAsync()).LatestVersionNumber);
    }

    [Fact]
    public async Task Publishing_sets_the_status_and_logs_the_publication_in_the_same_save()
    {
        var article = await CreateAsync("battle-of-marathon");
        await SaveAsync(article.Id, 1, "Second");

        await using (var db = _database.CreateContext())
        {
            var published = await new ArticleEditor(db, TimeProvider.System).PublishAsync(article.Id, 1, "publisher@example.org");
            Assert.Equal((ArticleStatus.PublishedWithDraft, (int?)1), (published.Value!.Status, published.Value.PublishedVersionNumber));
        }

        await using (var db = _database.CreateContext())
        {
            var published = await new ArticleEditor(db, TimeProvider.System).PublishAsync(article.Id, null, "publisher@example.org");
            Assert.Equal((ArticleStatus.Published, (int?)2), (published.Value!.Status, published.Value.PublishedVersionNumber));
        }

        await using var check = _database.CreateContext();
        var log = await check.PublicationLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([1, 2], log.Select(e => e.VersionNumber ?? 0));
        Assert.All(log, e => Assert.Equal((PublicationAction.Published, "publisher@example.org"), (e.Action, e.Actor)));
        var stored = await check.Articles.Include(a => a.PublishedVersion).SingleAsync();
        Assert.Equal("Second", stored.PublishedVersion!.Title);
    }

    [Fact]
    public async Task Publishing_a_version_that_does_not_exist_is_refused()
    {
        var article = await CreateAsync("battle-of-marathon");

        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).PublishAsync(article.Id, 5, "publisher@example.org");

        Assert.IsType<NotFoundError>(Assert.Single(result.Errors));
        Assert.Equal(0, await db.PublicationLog.CountAsync());
    }

    [Fact]
    public async Task Commands_on_an_unknown_article_say_not_found()
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, TimeProvider.System);
        var id = Guid.NewGuid();

        var save = await editor.SaveVersionAsync(id, 1, new ArticleChanges(), "me@example.org");
        var publish = await editor.PublishAsync(id, null, "me@example.org");

        Assert.Equal(new NotFoundError("Article", id.ToString()), Assert.Single(save.Errors));
        Assert.Equal(new NotFoundError("Article", id.ToString()), Assert.Single(publish.Errors));
    }

    [Fact]
    public async Task The_database_refuses_a_second_version_with_the_same_number()
    {
        var article = await CreateAsync("battle-of-marathon");

        await using var db = _database.CreateContext();
        db.ArticleVersions.Add(ArticleVersion.Write(article.Id, 1, TestContent.Valid(), "sneaky@example.org", DateTime.UtcNow, null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private async Task<Article> CreateAsync(string slug)
    {
        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).CreateAsync(slug, TestContent.Valid(), "editor@example.org", "First draft");
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private async Task SaveAsync(Guid articleId, int expectedVersion, string title)
    {
        await using var db = _database.CreateContext();
        var result = await new ArticleEditor(db, TimeProvider.System).SaveVersionAsync(articleId, expectedVersion, new ArticleChanges { Title = title }, "editor@example.org");
        Assert.True(result.Succeeded);
    }

    private async Task AssertDatabaseIsEmptyAsync()
    {
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync() + await db.ArticleVersions.CountAsync() + await db.Set<Section>().CountAsync());
    }

    private static void AssertSameContent(ArticleContent expected, ArticleContent actual)
    {
        Assert.Equal((expected.Title, expected.Summary, expected.HistoricalDate), (actual.Title, actual.Summary, actual.HistoricalDate));
        Assert.Equal(expected.Places.Select(p => p with { Position = 0 }), actual.Places.Select(p => p with { Position = 0 }));
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.KeyFacts, actual.KeyFacts);
        Assert.Equal(expected.Sections.Select(s => (s.Key, s.Heading, s.Body)), actual.Sections.Select(s => (s.Key, s.Heading, s.Body)));
        Assert.Equal(Enumerable.Range(0, actual.Sections.Count), actual.Sections.Select(s => s.Position));
        Assert.Equal(expected.Sources.Select(s => s with { Position = 0 }), actual.Sources.Select(s => s with { Position = 0 }));
        Assert.Equal(expected.Media.Select(m => m with { Position = 0 }), actual.Media.Select(m => m with { Position = 0 }));
    }

    private sealed class BeforeSaveInterceptor(Func<Task> beforeSave) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await beforeSave();
            return result;
        }
    }
}
