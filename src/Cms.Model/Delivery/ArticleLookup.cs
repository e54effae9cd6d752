using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Delivery;

public sealed class ArticleLookup(CmsDbContext db, ArticleHistory history, VersionCache versions)
{
    public async Task<(ArticleView? View, string? RedirectedFrom)> FindAsync(ArticleSelector selector, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (slug, id, stage, version, asOf) = selector;
        await db.KeepConnectionOpenAsync(cancellationToken);
        var (article, redirectedFrom) = await FindArticleAsync(slug, id, cancellationToken);
        if (article is null)
        {
            return (null, null);
        }

        var number = asOf is { } moment
            ? await history.PublishedVersionAtAsync(article.Id, moment, cancellationToken)
            : version ?? (stage == ArticleStage.Draft ? article.LatestVersionNumber : article.PublishedVersionNumber);
        if (number is null)
        {
            return (null, null);
        }

        // Published versions are what every reader asks for, again and again: they come from memory, with every list
        // read once. Editors' reads (drafts, numbered versions, moments) read only the lists they select.
        var readersRead = stage == ArticleStage.Published && version is null && asOf is null;
        var found = readersRead && versions.Enabled
            ? (await versions.GetManyAsync(
                [(article.Id, number.Value)],
                parts,
                (_, load, ct) => db.ArticleVersions.Where(v => v.ArticleId == article.Id && v.Number == number).ToListWithContentAsync(db, load, ct),
                cancellationToken)).GetValueOrDefault((article.Id, number.Value))
            : (await db.ArticleVersions
                .Where(v => v.ArticleId == article.Id && v.Number == number)
                .ToListWithContentAsync(db, parts, cancellationToken)).SingleOrDefault();
        return found is null ? (null, null) : (new ArticleView(article, found) { RedirectedFrom = redirectedFrom }, redirectedFrom);
    }

    /// <summary>
    /// Versions by their own ids, with the lists in <paramref name="parts"/>; only published ones unless
    /// <paramref name="anyVersion"/>. Versions never change, so their lists come from the version cache when it has them.
    /// </summary>
    public async Task<IReadOnlyList<ArticleVersion>> FindVersionsAsync(IReadOnlyCollection<Guid> versionIds, bool anyVersion, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versionIds);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var rows = await VersionsByIds(versionIds, anyVersion).ToListAsync(cancellationToken);
        if (!versions.Enabled)
        {
            await VersionContentLoader.FillAsync(db, rows, parts, cancellationToken);
            return rows;
        }

        var found = await versions.GetOrFillAsync(db, rows, parts, cancellationToken);
        return [.. rows.Select(v => found[(v.ArticleId, v.Number)])];
    }

    /// <summary>The query behind <see cref="FindVersionsAsync"/>: the version rows (the loader adds their lists).</summary>
    public IQueryable<ArticleVersion> VersionsByIds(IReadOnlyCollection<Guid> versionIds, bool anyVersion)
    {
        var candidates = db.ArticleVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id));
        candidates = anyVersion
            ? candidates.Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.DeletedAt == null))
            : candidates.Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.PublishedVersionNumber == v.Number));
        return candidates;
    }

    private async Task<(Article? Article, string? RedirectedFrom)> FindArticleAsync(string? slug, Guid? id, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsNoTracking().Where(a => a.DeletedAt == null);
        if (id is { } articleId)
        {
            return (await articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken), null);
        }

        if (slug is null)
        {
            return (null, null);
        }

        var article = await articles.SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (article is not null)
        {
            return (article, null);
        }

        // An old slug still finds its article, so published links never break.
        var redirect = await db.SlugRedirects.AsNoTracking().SingleOrDefaultAsync(r => r.OldSlug == slug, cancellationToken);
        return redirect is null ? (null, null) : (await articles.SingleOrDefaultAsync(a => a.Id == redirect.ArticleId, cancellationToken), slug);
    }
}
