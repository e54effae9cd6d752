using Cms.Model.Editing;
using Cms.Model.Outcomes;
using Cms.Model.Tests.Infrastructure;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Editing;

/// <summary>Who has an article open: reports keep a session present, silence or leaving ends it, other articles are apart.</summary>
public sealed class PresenceBoardTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private Guid _article;
    private Guid _other;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, TimeProvider.System);
        _article = (await editor.CreateAsync("battle-of-marathon", TestContent.Valid(), "author")).Value!.Id;
        _other = (await editor.CreateAsync("battle-of-salamis", TestContent.Valid(), "author")).Value!.Id;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Each_open_editor_sees_the_others_longest_open_first_and_never_itself()
    {
        Assert.Empty(await ReportAsync(_article, "tab-a", "key:ada"));
        _clock.Advance(TimeSpan.FromSeconds(5));
        var seenByB = await ReportAsync(_article, "tab-b", "key:ben");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var seenByC = await ReportAsync(_article, "tab-c", "key:ada");
        var seenElsewhere = await ReportAsync(_other, "tab-d", "key:cy");

        Assert.Equal(["key:ada"], seenByB.Select(v => v.Actor));
        Assert.Equal(["key:ada", "key:ben"], seenByC.Select(v => v.Actor));
        Assert.Empty(seenElsewhere);
    }

    [Fact]
    public async Task A_session_that_stops_reporting_is_gone_after_the_lifetime_and_one_that_keeps_reporting_stays()
    {
        await ReportAsync(_article, "tab-a", "key:ada");
        await ReportAsync(_article, "tab-b", "key:ben");
        _clock.Advance(PresenceBoard.ReportInterval);
        await ReportAsync(_article, "tab-b", "key:ben");
        _clock.Advance(PresenceBoard.Lifetime - PresenceBoard.ReportInterval + TimeSpan.FromSeconds(1));

        var seenByB = await ReportAsync(_article, "tab-b", "key:ben");
        var seenByC = await ReportAsync(_article, "tab-c", "key:cy");

        Assert.Empty(seenByB);
        Assert.Equal(["key:ben"], seenByC.Select(v => v.Actor));
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.ArticlePresences.CountAsync());
    }

    [Fact]
    public async Task Leaving_ends_a_session_at_once_but_only_for_the_actor_who_opened_it()
    {
        await ReportAsync(_article, "tab-a", "key:ada");
        await using (var db = _database.CreateContext())
        {
            await new PresenceBoard(db, _clock).LeaveAsync(_article, "tab-a", "key:mallory");
        }

        var stillThere = await ReportAsync(_article, "tab-b", "key:ben");
        await using (var db = _database.CreateContext())
        {
            await new PresenceBoard(db, _clock).LeaveAsync(_article, "tab-a", "key:ada");
        }

        Assert.Equal(["key:ada"], stillThere.Select(v => v.Actor));
        Assert.Empty(await ReportAsync(_article, "tab-b", "key:ben"));
    }

    [Fact]
    public async Task A_missing_article_or_a_bad_session_id_is_refused_and_recorded_nowhere()
    {
        await using var db = _database.CreateContext();
        var board = new PresenceBoard(db, _clock);

        var missing = await board.ReportAsync(Guid.NewGuid(), "tab-a", "key:ada");
        var empty = await board.ReportAsync(_article, " ", "key:ada");
        var tooLong = await board.ReportAsync(_article, new string('x', 65), "key:ada");

        Assert.IsType<NotFoundError>(Assert.Single(missing.Errors));
        Assert.Equal("sessionId", Assert.IsType<ValidationProblem>(Assert.Single(empty.Errors)).Field);
        Assert.Equal("sessionId", Assert.IsType<ValidationProblem>(Assert.Single(tooLong.Errors)).Field);
        Assert.Equal(0, await db.ArticlePresences.CountAsync());
    }

    private async Task<IReadOnlyList<ArticleVisitor>> ReportAsync(Guid article, string session, string actor)
    {
        await using var db = _database.CreateContext();
        var result = await new PresenceBoard(db, _clock).ReportAsync(article, session, actor);
        Assert.Empty(result.Errors);
        return result.Value!;
    }
}
