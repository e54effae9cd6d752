using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Search;

/// <summary>
/// Keeps <see cref="SearchDocument"/>s in step with publication: the editor calls it in the transaction of every publish,
/// unpublish, archive and delete, and start-up catches up with anything published before search existed.
/// </summary>
public static class SearchIndexing
{
    private const int CatchUpBatch = 200;

    /// <summary>Stages the document of a newly published version (key facts and sections loaded) for the pending save.</summary>
    internal static async Task IndexAsync(CmsDbContext db, ArticleVersion published, CancellationToken cancellationToken)
    {
        var document = await db.SearchDocuments.SingleOrDefaultAsync(d => d.ArticleId == published.ArticleId, cancellationToken);
        if (document is null)
        {
            db.SearchDocuments.Add(SearchDocument.For(published));
        }
        else
        {
            document.Take(published);
        }
    }

    /// <summary>Stages the removal of an article's document for the pending save (nothing when it has none).</summary>
    internal static async Task RemoveAsync(CmsDbContext db, Guid articleId, CancellationToken cancellationToken)
    {
        var document = await db.SearchDocuments.SingleOrDefaultAsync(d => d.ArticleId == articleId, cancellationToken);
        if (document is not null)
        {
            db.SearchDocuments.Remove(document);
        }
    }

    /// <summary>Documents of articles that are no longer published.</summary>
    public static IQueryable<SearchDocument> StaleDocuments(CmsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SearchDocuments.Where(d => !db.Articles.Any(a => a.Id == d.ArticleId && a.PublishedDateSortKey != null));
    }

    /// <summary>
    /// The ids of published versions whose article has no document, or one taken from another version, in id order: the
    /// catch-up takes them in batches, and a batch of an unordered query is not defined (EF Core warns of it).
    /// </summary>
    public static IQueryable<Guid> UnindexedVersions(CmsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from article in db.Articles.AsNoTracking()
               where article.PublishedDateSortKey != null
               join version in db.ArticleVersions.AsNoTracking() on new { article.Id, Number = article.PublishedVersionNumber!.Value } equals new { Id = version.ArticleId, version.Number }
               where !db.SearchDocuments.Any(d => d.ArticleId == article.Id && d.VersionId == version.Id)
               orderby version.Id
               select version.Id;
    }

    /// <summary>
    /// Indexes published articles that have no document or an outdated one, and drops documents of articles no longer
    /// published: a no-op in steady state (two indexed reads), the whole back catalogue on the first start after upgrading.
    /// </summary>
    public static async Task<int> CatchUpAsync(CmsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stale = await StaleDocuments(db).ExecuteDeleteAsync(cancellationToken);
        var indexed = 0;
        while (true)
        {
            var batch = await UnindexedVersions(db).Take(CatchUpBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return stale + indexed;
            }

            var versions = await db.ArticleVersions.Where(v => batch.Contains(v.Id))
                .ToListWithContentAsync(db, VersionParts.KeyFacts | VersionParts.Sections, cancellationToken);
            var articleIds = versions.Select(v => v.ArticleId).ToList();
            var outdated = await db.SearchDocuments.Where(d => articleIds.Contains(d.ArticleId)).ToDictionaryAsync(d => d.ArticleId, cancellationToken);
            foreach (var version in versions)
            {
                if (outdated.TryGetValue(version.ArticleId, out var document))
                {
                    document.Take(version);
                }
                else
                {
                    db.SearchDocuments.Add(SearchDocument.For(version));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            indexed += versions.Count;
        }
    }
}
