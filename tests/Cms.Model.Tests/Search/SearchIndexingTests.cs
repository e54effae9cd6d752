using Cms.Model.Editing;
using Cms.Model.Search;
using Cms.Model.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Search;

/// <summary>The search documents follow publication in the same save, and start-up catches up with what they missed.</summary>
public sealed class SearchIndexingTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Catching_up_indexes_published_articles_without_a_document_and_drops_documents_of_unpublished_ones()
    {
        await using var db = _database.CreateContext();
        var editor = new ArticleEditor(db, TimeProvider.System);
        var published = (await editor.CreateAsync("published", TestContent.Valid("Zanzibar"), "e@example.org")).Value!;
        await editor.PublishAsync(published.Id, null, "p@example.org");
        var draft = (await editor.CreateAsync("draft", TestContent.Valid("Quokka"), "e@example.org")).Value!;
        await editor.PublishAsync(draft.Id, null, "p@example.org");
        var indexedByPublishing = await db.SearchDocuments.CountAsync();

        // As a database upgraded from before search (or changed behind the index's back) would be.
        await db.SearchDocuments.Where(d => d.ArticleId == published.Id).ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE Articles SET PublishedVersionNumber = NULL, PublishedDateSortKey = NULL WHERE Slug = 'draft'");

        var changed = await SearchIndexing.CatchUpAsync(db);
        var again = await SearchIndexing.CatchUpAsync(db);
        var search = new ArticleSearch(db);

        Assert.Equal(2, indexedByPublishing);
        Assert.Equal(2, changed);
        Assert.Equal(0, again);
        Assert.Equal([published.Id], (await search.PageAsync(["zanzibar"], 10, null)).Matches.Select(m => m.ArticleId));
        Assert.Empty((await search.PageAsync(["quokka"], 10, null)).Matches);
    }
}
