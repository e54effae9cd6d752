using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Outcomes;
using Cms.Model.Tests.Infrastructure;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Editing;

public sealed class SchedulingTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_schedule_runs_once_it_is_due_and_logs_who_scheduled_it()
    {
        var id = await CreateAsync("scheduled");
        var scheduled = await Editor(e => e.SchedulePublicationAsync(id, null, Now().AddHours(1), "publisher"));

        var early = await RunAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        var due = await RunAsync();
        var again = await RunAsync();

        Assert.True(scheduled.Succeeded);
        Assert.Equal((0, 1, 0), (early, due, again));
        await using var db = _database.CreateContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal((int?)1, article.PublishedVersionNumber);
        Assert.Equal("schedule:publisher", (await db.PublicationLog.SingleAsync()).Actor);
        Assert.Equal(ScheduleState.Done, (await db.ScheduledPublications.SingleAsync()).State);
    }

    [Fact]
    public async Task Two_instances_running_the_same_due_schedules_publish_each_exactly_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await CreateAsync($"article-{i}"));
            await Editor(e => e.SchedulePublicationAsync(ids[^1], null, Now().AddMinutes(1 + i), "publisher"));
        }

        _clock.Advance(TimeSpan.FromHours(1));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(RunAsync)));

        Assert.Equal(5, runs.Sum());
        await using var db = _database.CreateContext();
        Assert.Equal(5, await db.PublicationLog.CountAsync());
        Assert.All(await db.Articles.ToListAsync(), a => Assert.Equal((int?)1, a.PublishedVersionNumber));
    }

    [Fact]
    public async Task Scheduling_in_the_past_a_missing_version_or_cancelling_nothing_are_typed_errors()
    {
        var id = await CreateAsync("errors");

        var past = await Editor(e => e.SchedulePublicationAsync(id, null, Now().AddMinutes(-1), "publisher"));
        var missing = await Editor(e => e.SchedulePublicationAsync(id, 4, Now().AddMinutes(1), "publisher"));
        var nothing = await Editor(e => e.CancelScheduledPublicationAsync(id, "publisher"));

        var problem = Assert.IsType<ValidationProblem>(past.Errors.Single());
        Assert.Equal(("at", ValidationCodes.OutOfRange), (problem.Field, problem.Code));
        Assert.IsType<NotFoundError>(missing.Errors.Single());
        Assert.IsType<InvalidStateError>(nothing.Errors.Single());
    }

    [Fact]
    public async Task A_cancelled_or_replaced_schedule_does_not_run_and_one_that_cannot_publish_is_marked_failed()
    {
        var cancelled = await CreateAsync("cancelled");
        var archived = await CreateAsync("archived");
        await Editor(e => e.SchedulePublicationAsync(cancelled, null, Now().AddMinutes(5), "publisher"));
        await Editor(e => e.SchedulePublicationAsync(cancelled, null, Now().AddMinutes(10), "publisher"));
        await Editor(e => e.CancelScheduledPublicationAsync(cancelled, "publisher"));
        await Editor(e => e.SchedulePublicationAsync(archived, null, Now().AddMinutes(5), "publisher"));
        await Editor(e => e.ArchiveAsync(archived, "publisher"));

        _clock.Advance(TimeSpan.FromHours(1));
        await RunAsync();

        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.PublicationLog.CountAsync());
        var states = await db.ScheduledPublications.OrderBy(s => s.Id).Select(s => s.State).ToListAsync();
        Assert.Equal([ScheduleState.Cancelled, ScheduleState.Cancelled, ScheduleState.Failed], states);
        Assert.Contains("archived", (await db.ScheduledPublications.SingleAsync(s => s.State == ScheduleState.Failed)).Outcome, StringComparison.Ordinal);
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private async Task<Guid> CreateAsync(string slug) => (await Editor(e => e.CreateAsync(slug, TestContent.Valid(), "editor"))).Value!.Id;

    private async Task<int> RunAsync()
    {
        await using var db = _database.CreateContext();
        return await new ScheduledPublisher(db, new ArticleEditor(db, _clock), _clock).RunDueAsync();
    }

    private async Task<EditResult<T>> Editor<T>(Func<ArticleEditor, Task<EditResult<T>>> command)
        where T : class
    {
        await using var db = _database.CreateContext();
        return await command(new ArticleEditor(db, _clock));
    }
}
