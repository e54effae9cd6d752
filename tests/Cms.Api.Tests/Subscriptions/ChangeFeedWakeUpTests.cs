using Cms.Api.Subscriptions;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Editing;
using Cms.Model.Persistence;
using Cms.Model.Persistence.Sqlite;
using Cms.Model.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Tests.Subscriptions;

/// <summary>The subscriptions' outbox reader is woken by commits that wrote events, and only by those.</summary>
public sealed class ChangeFeedWakeUpTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cms-wakeup-tests-{Guid.NewGuid():N}.db");
    private readonly ChangeFeedWakeUp _wakeUp = new();

    [Fact]
    public async Task A_commit_with_events_wakes_the_reader_and_one_without_does_not()
    {
        await using var db = CreateContext();

        // An API key is a write without an event.
        var key = await new ApiKeyService(db, TimeProvider.System).CreateAsync("reader", Role.Viewer, null, "tests");
        Assert.True(key.Succeeded);
        Assert.False(await _wakeUp.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));

        // An article's creation writes article.created in its transaction; the commit wakes the reader, once.
        var content = new ArticleContent("The Battle of Marathon", "Athens defeats a Persian landing.", HistoricalDate.InYear(-490), [], [], [], [new Section("what", "What happened?", "The Athenians won.")], [], []);
        var created = await new ArticleEditor(db, TimeProvider.System).CreateAsync("battle-of-marathon", content, "tests");
        Assert.True(created.Succeeded);
        Assert.True(await _wakeUp.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.False(await _wakeUp.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));
    }

    public async Task InitializeAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _wakeUp.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    private SqliteCmsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseCmsProvider(DatabaseProvider.Sqlite, $"Data Source={_path}").AddInterceptors(_wakeUp).Options);
}
