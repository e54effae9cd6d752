using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Delivery;

/// <summary>
/// Reads of published content, the queries front ends run all day. Each read is a fixed number of
/// statements whatever the page size: the article rows, and the published versions with every list from the
/// <see cref="VersionCache"/> (read in one batch the first time), or, with the cache off, the version rows and one
/// statement per requested list.
/// </summary>
public sealed class PublishedArticles(CmsDbContext db, VersionCache versionCache)
{
    /// <summary>Published articles, newest event first; ties broken by slug so that every position is unique.</summary>
    public IQueryable<Article> Page(int take, ArticlePosition? after)
    {
        var articles = db.Articles.AsNoTracking().Where(a => a.PublishedDateSortKey != null);
        if (after is not null)
        {
            articles = articles.Where(a =>
                a.PublishedDateSortKey < after.DateSortKey ||
                (a.PublishedDateSortKey == after.DateSortKey && a.Slug.CompareTo(after.Slug) > 0));
        }

        // Served by IX_Articles_PublishedOrder: the rows come in this order from the index, no sort of all articles.
        return articles
            .OrderByDescending(a => a.PublishedDateSortKey)
            .ThenBy(a => a.Slug)
            .Take(take);
    }

    /// <summary>The published versions of <paramref name="articleIds"/>, with the requested lists.</summary>
    public IQueryable<ArticleVersion> PublishedVersionsOf(IReadOnlyCollection<Guid> articleIds, VersionParts parts) =>
        db.ArticleVersions.AsNoTracking()
            .Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.PublishedVersionNumber == v.Number && articleIds.Contains(a.Id)))
            .WithContent(parts);

    /// <summary>Up to <paramref name="first"/> published articles after <paramref name="after"/>, and whether more follow.</summary>
    public async Task<(IReadOnlyList<ArticleView> Items, bool HasMore)> ListAsync(int first, ArticlePosition? after, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, Paging.MaxPageSize);

        // One extra row tells whether there is a next page without a count.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var articles = await Page(first + 1, after).ToListAsync(cancellationToken);
        var hasMore = articles.Count > first;
        var views = await WithVersionsAsync(articles.Take(first).ToList(), parts, cancellationToken);
        return (views, hasMore);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        db.Articles.CountAsync(a => a.PublishedDateSortKey != null, cancellationToken);

    private async Task<IReadOnlyList<ArticleView>> WithVersionsAsync(List<Article> articles, VersionParts parts, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return [];
        }

        // Published versions come from memory when read before (they never change); the article rows just read say which.
        var versions = versionCache.Enabled
            ? await versionCache.GetManyAsync(
                [.. articles.Where(a => a.PublishedVersionNumber is not null).Select(a => (a.Id, a.PublishedVersionNumber!.Value))],
                missing => PublishedVersionsOf(missing, VersionParts.All),
                cancellationToken)
            : await PublishedVersionsOf([.. articles.Select(a => a.Id)], parts).ToDictionaryAsync(v => v.ArticleId, cancellationToken);

        // An article unpublished between the two reads is left out rather than shown half.
        return [.. articles.Where(a => versions.ContainsKey(a.Id)).Select(a => new ArticleView(a, versions[a.Id]))];
    }
}
