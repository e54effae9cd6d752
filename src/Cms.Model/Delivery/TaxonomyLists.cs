using Cms.Model.Articles;
using Cms.Model.Persistence;
using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Delivery;

/// <summary>
/// Tags and places with the number of published articles that use them, for tag pages and maps. Counted from the
/// published versions' lists in one grouped statement per page, and paged by keyset on (count, key) or the key, so that a
/// later page costs what the first does.
/// </summary>
public sealed class TaxonomyLists(CmsDbContext db)
{
    /// <summary>The shadow key every list row of a version has (see the version child configurations).</summary>
    private const string VersionChildKey = "VersionId";

    public async Task<(IReadOnlyList<TagSummary> Items, bool HasMore)> TagsAsync(TaxonomyPage<TagSummary> page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await TagPage(page).ToListAsync(cancellationToken);
        return (rows.Take(page.Size).ToList(), rows.Count > page.Size);
    }

    public Task<int> CountTagsAsync(CancellationToken cancellationToken = default) => TagCounts().CountAsync(cancellationToken);

    /// <summary>The query behind <see cref="TagsAsync"/>: one more row than the page holds.</summary>
    public IQueryable<TagSummary> TagPage(TaxonomyPage<TagSummary> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var tags = from count in TagCounts()
                   join tag in db.Tags.AsNoTracking() on count.Slug equals tag.Slug
                   select new TagRow { Slug = tag.Slug, Label = tag.Label, ArticleCount = count.Count };
        if (page.After is { } after)
        {
            tags = (page.Order, page.Descending) switch
            {
                (TaxonomyOrder.MostUsed, true) => tags.Where(t => t.ArticleCount < after.ArticleCount || (t.ArticleCount == after.ArticleCount && string.Compare(t.Slug, after.Slug) > 0)),
                (TaxonomyOrder.MostUsed, false) => tags.Where(t => t.ArticleCount > after.ArticleCount || (t.ArticleCount == after.ArticleCount && string.Compare(t.Slug, after.Slug) > 0)),
                (_, true) => tags.Where(t => string.Compare(t.Slug, after.Slug) < 0),
                _ => tags.Where(t => string.Compare(t.Slug, after.Slug) > 0),
            };
        }

        var ordered = (page.Order, page.Descending) switch
        {
            (TaxonomyOrder.MostUsed, true) => tags.OrderByDescending(t => t.ArticleCount).ThenBy(t => t.Slug),
            (TaxonomyOrder.MostUsed, false) => tags.OrderBy(t => t.ArticleCount).ThenBy(t => t.Slug),
            (_, true) => tags.OrderByDescending(t => t.Slug),
            _ => tags.OrderBy(t => t.Slug),
        };
        return ordered.Take(page.Size + 1).Select(t => new TagSummary(t.Slug, t.Label, t.ArticleCount));
    }

    public async Task<(IReadOnlyList<PlaceSummary> Items, bool HasMore)> PlacesAsync(TaxonomyPage<PlaceSummary> page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await PlacePage(page).ToListAsync(cancellationToken);
        return (rows.Take(page.Size).ToList(), rows.Count > page.Size);
    }

    public Task<int> CountPlacesAsync(CancellationToken cancellationToken = default) => PlaceCounts().CountAsync(cancellationToken);

    /// <summary>The query behind <see cref="PlacesAsync"/>: one more row than the page holds.</summary>
    public IQueryable<PlaceSummary> PlacePage(TaxonomyPage<PlaceSummary> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var places = PlaceCounts();
        if (page.After is { } after)
        {
            places = (page.Order, page.Descending) switch
            {
                (TaxonomyOrder.MostUsed, true) => places.Where(p => p.ArticleCount < after.ArticleCount || (p.ArticleCount == after.ArticleCount &&
                    (string.Compare(p.Name, after.Name) > 0 || (p.Name == after.Name && string.Compare(p.Country, after.Country) > 0)))),
                (TaxonomyOrder.MostUsed, false) => places.Where(p => p.ArticleCount > after.ArticleCount || (p.ArticleCount == after.ArticleCount &&
                    (string.Compare(p.Name, after.Name) > 0 || (p.Name == after.Name && string.Compare(p.Country, after.Country) > 0)))),
                (_, true) => places.Where(p => string.Compare(p.Name, after.Name) < 0 || (p.Name == after.Name && string.Compare(p.Country, after.Country) < 0)),
                _ => places.Where(p => string.Compare(p.Name, after.Name) > 0 || (p.Name == after.Name && string.Compare(p.Country, after.Country) > 0)),
            };
        }

        var ordered = (page.Order, page.Descending) switch
        {
            (TaxonomyOrder.MostUsed, true) => places.OrderByDescending(p => p.ArticleCount).ThenBy(p => p.Name).ThenBy(p => p.Country),
            (TaxonomyOrder.MostUsed, false) => places.OrderBy(p => p.ArticleCount).ThenBy(p => p.Name).ThenBy(p => p.Country),
            (_, true) => places.OrderByDescending(p => p.Name).ThenByDescending(p => p.Country),
            _ => places.OrderBy(p => p.Name).ThenBy(p => p.Country),
        };
        return ordered.Take(page.Size + 1).Select(p => new PlaceSummary(p.Name, p.Country, p.Latitude, p.Longitude, p.ArticleCount));
    }

    private IQueryable<TagCount> TagCounts() =>
        from tag in db.Set<Tag>().AsNoTracking()
        join version in db.ArticleVersions.AsNoTracking() on EF.Property<Guid>(tag, VersionChildKey) equals version.Id
        join article in PublishedArticles() on new { Id = version.ArticleId, Number = (int?)version.Number } equals new { article.Id, Number = article.PublishedVersionNumber }
        group tag by tag.Slug into bySlug
        select new TagCount { Slug = bySlug.Key, Count = bySlug.Count() };

    private IQueryable<PlaceCount> PlaceCounts() =>
        from place in db.Set<Place>().AsNoTracking()
        join version in db.ArticleVersions.AsNoTracking() on EF.Property<Guid>(place, VersionChildKey) equals version.Id
        join article in PublishedArticles() on new { Id = version.ArticleId, Number = (int?)version.Number } equals new { article.Id, Number = article.PublishedVersionNumber }
        group place by new { place.Name, Country = place.Country ?? string.Empty } into byPlace
        select new PlaceCount { Name = byPlace.Key.Name, Country = byPlace.Key.Country, Latitude = byPlace.Average(p => p.Latitude), Longitude = byPlace.Average(p => p.Longitude), ArticleCount = byPlace.Count() };

    private IQueryable<Article> PublishedArticles() => db.Articles.AsNoTracking().Where(a => a.PublishedDateSortKey != null);

    private sealed class TagCount
    {
        public required string Slug { get; init; }

        public required int Count { get; init; }
    }

    private sealed class TagRow
    {
        public required string Slug { get; init; }

        public required string Label { get; init; }

        public required int ArticleCount { get; init; }
    }

    private sealed class PlaceCount
    {
        public required string Name { get; init; }

        public required string Country { get; init; }

        public double? Latitude { get; init; }

        public double? Longitude { get; init; }

        public required int ArticleCount { get; init; }
    }
}
