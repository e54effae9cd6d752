using System.Linq.Expressions;
using Cms.Model.Articles;
using Cms.Model.Persistence;
using Cms.Model.Querying;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Media;

/// <summary>The media library's reads: pages in keyset order, counts, assets by id, and which are public.</summary>
public sealed class MediaAssetLists(CmsDbContext db)
{
    public async Task<(IReadOnlyList<MediaAsset> Items, bool HasMore)> PageAsync(MediaAssetFilter? filter, MediaAssetSort sort, int size, MediaAssetPosition? after, CancellationToken cancellationToken = default)
    {
        var rows = await Page(filter, sort, size, after).ToListAsync(cancellationToken);
        return (rows.Count > size ? rows[..size] : rows, rows.Count > size);
    }

    /// <summary>One page and one more row (to tell whether there is a next page), in keyset order.</summary>
    internal IQueryable<MediaAsset> Page(MediaAssetFilter? filter, MediaAssetSort sort, int size, MediaAssetPosition? after)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var query = Filtered(filter);
        if (after is not null)
        {
            query = (sort.Field, sort.Descending) switch
            {
                (MediaAssetSortField.CreatedAt, true) => query.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id < after.Id)),
                (MediaAssetSortField.CreatedAt, false) => query.Where(a => a.CreatedAt > after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id > after.Id)),
                (_, true) => query.Where(a => string.Compare(a.FileName, after.FileName) < 0 || (a.FileName == after.FileName && a.Id < after.Id)),
                _ => query.Where(a => string.Compare(a.FileName, after.FileName) > 0 || (a.FileName == after.FileName && a.Id > after.Id)),
            };
        }

        query = (sort.Field, sort.Descending) switch
        {
            (MediaAssetSortField.CreatedAt, true) => query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
            (MediaAssetSortField.CreatedAt, false) => query.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id),
            (_, true) => query.OrderByDescending(a => a.FileName).ThenByDescending(a => a.Id),
            _ => query.OrderBy(a => a.FileName).ThenBy(a => a.Id),
        };
        return query.Take(size + 1);
    }

    public Task<int> CountAsync(MediaAssetFilter? filter, CancellationToken cancellationToken = default) => Filtered(filter).CountAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, MediaAsset>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0
            ? new Dictionary<Guid, MediaAsset>()
            : await db.MediaAssets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>Those of the assets that the published version of a live article uses: anyone may see and fetch them.</summary>
    public async Task<IReadOnlySet<Guid>> PublishedAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        return (await Published(ids).ToListAsync(cancellationToken)).ToHashSet();
    }

    internal IQueryable<Guid> Published(IReadOnlyCollection<Guid> ids) =>
        (from use in db.Set<MediaReference>()
         join version in db.ArticleVersions on EF.Property<Guid>(use, VersionContentLoader.VersionChildKey) equals version.Id
         join article in db.Articles on version.ArticleId equals article.Id
         where ids.Contains(use.AssetId) && article.PublishedVersionNumber == version.Number && article.DeletedAt == null
         select use.AssetId).Distinct();

    /// <summary>Whether any version of the article uses the asset (what a preview token for that article may fetch).</summary>
    public Task<bool> UsedByArticleAsync(Guid assetId, Guid articleId, CancellationToken cancellationToken = default) =>
        (from use in db.Set<MediaReference>()
         join version in db.ArticleVersions on EF.Property<Guid>(use, VersionContentLoader.VersionChildKey) equals version.Id
         where use.AssetId == assetId && version.ArticleId == articleId
         select use.AssetId).AnyAsync(cancellationToken);

    private IQueryable<MediaAsset> Filtered(MediaAssetFilter? filter) =>
        filter is null ? db.MediaAssets.AsNoTracking() : db.MediaAssets.AsNoTracking().Where(Translate(filter));

    private Expression<Func<MediaAsset, bool>> Translate(MediaAssetFilter filter)
    {
        var parts = new List<Expression<Func<MediaAsset, bool>>>();
        parts.AddRange((filter.And ?? []).Select(Translate));
        if (filter.Or is { Count: > 0 } alternatives)
        {
            parts.Add(alternatives.Select(Translate).Aggregate(Predicates.Or));
        }

        if (filter.FileName is { } fileName)
        {
            parts.Add(FilterExpressions.Text(fileName, (Expression<Func<MediaAsset, string>>)(a => a.FileName)));
        }

        if (filter.ContentType is { } contentType)
        {
            parts.Add(FilterExpressions.Text(contentType, (Expression<Func<MediaAsset, string>>)(a => a.ContentType)));
        }

        if (filter.Tags is { } tags)
        {
            parts.Add(FilterExpressions.List(tags, (Expression<Func<MediaAsset, IEnumerable<MediaAssetTag>>>)(a => a.Tags),
                (TagFilter t) => t.Slug is { } slug ? FilterExpressions.Text(slug, (Expression<Func<MediaAssetTag, string>>)(x => x.Slug)) : x => true));
        }

        if (filter.IsUsed is { } isUsed)
        {
            var uses = db.Set<MediaReference>();
            Expression<Func<MediaAsset, bool>> used = a => uses.Any(m => m.AssetId == a.Id);
            if (isUsed.Eq is { } eq)
            {
                parts.Add(eq ? used : Predicates.Not(used));
            }

            if (isUsed.Neq is { } neq)
            {
                parts.Add(neq ? Predicates.Not(used) : used);
            }
        }

        return parts.Count == 0 ? a => true : parts.Aggregate(Predicates.And);
    }
}
