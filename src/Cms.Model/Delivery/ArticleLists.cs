using System.Linq.Expressions;
using System.Reflection;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Persistence;
using Cms.Model.Querying;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Delivery;

/// <summary>
/// Filtered, ordered lists of articles with keyset paging in both directions: a page is a seek to a position and a
/// range read, so page 1,000 costs what page 1 does. The order always ends with the slug, which is unique, so every
/// position is exact. Fields of the version (title, tags, places, and the date of drafts) are read through correlated
/// subqueries on the version's key; the published date and the article's own fields are columns of the article.
/// </summary>
public sealed class ArticleLists(CmsDbContext db, VersionCache versionCache)
{
    /// <summary>Most nested <c>and</c>/<c>or</c> levels a filter may have.</summary>
    public const int MaxFilterDepth = 5;

    /// <summary>Most values an <c>in</c>/<c>nin</c> list may hold.</summary>
    public const int MaxInValues = 100;

    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>The order as given, or newest event first, completed with the slug as the unique tie-breaker.</summary>
    public static IReadOnlyList<ArticleSort> CompleteOrder(IReadOnlyList<ArticleSort>? order)
    {
        var steps = order is { Count: > 0 } ? order.ToList() : [new ArticleSort(ArticleSortField.HistoricalDate, Descending: true)];
        var seen = new HashSet<ArticleSortField>();
        steps = [.. steps.Where(s => seen.Add(s.Field))];
        var slug = steps.FindIndex(s => s.Field == ArticleSortField.Slug);
        return slug >= 0 ? steps[..(slug + 1)] : [.. steps, new ArticleSort(ArticleSortField.Slug, Descending: false)];
    }

    /// <summary>A short, stable text naming an order, carried in cursors so that a cursor is used only with its order.</summary>
    public static string Signature(ArticleStage stage, IReadOnlyList<ArticleSort> completeOrder) =>
        $"{stage}:" + string.Join(',', completeOrder.Select(s => $"{s.Field}{(s.Descending ? "-" : "+")}"));

    /// <summary>The sort values of a row, in the order's steps: what a cursor to this row holds.</summary>
    public static IReadOnlyList<object> PositionOf(ArticleView view, IReadOnlyList<ArticleSort> completeOrder)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(completeOrder);
        return [.. completeOrder.Select(s => s.Field switch
        {
            ArticleSortField.Slug => (object)view.Article.Slug,
            ArticleSortField.Title => view.Version.Title,
            ArticleSortField.HistoricalDate => view.Version.DateSortKey,
            ArticleSortField.PublishedAt => view.Article.PublishedAt ?? DateTime.MinValue,
            ArticleSortField.UpdatedAt => view.Article.UpdatedAt,
            _ => throw new ArgumentOutOfRangeException(nameof(completeOrder)),
        })];
    }

    /// <summary>The type of the value a position holds for a field, for reading cursors back.</summary>
    public static Type ValueType(ArticleSortField field) => field switch
    {
        ArticleSortField.Slug or ArticleSortField.Title => typeof(string),
        ArticleSortField.HistoricalDate => typeof(long),
        ArticleSortField.PublishedAt or ArticleSortField.UpdatedAt => typeof(DateTime),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Why a filter cannot run (too deep, too long a list, a date that does not exist), or null when it can.</summary>
    public static string? Problem(ArticleFilter? filter) => filter is null ? null : FilterCheck.Check(filter, 1);

    /// <summary>The rows of one page (one more than asked, to tell whether more follow), in the order asked.</summary>
    public IQueryable<Article> Page(ArticleListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = CompleteOrder(request.Order);
        var query = Matching(request.Stage, request.Filter);
        var keys = order.Select(s => (Key: SortKey(request.Stage, s.Field), Descending: s.Descending != request.Backward)).ToList();
        if (request.Position is { } position)
        {
            query = query.Where(After(keys, position));
        }

        IOrderedQueryable<Article>? ordered = null;
        foreach (var (key, descending) in keys)
        {
            ordered = ordered is null
                ? (IOrderedQueryable<Article>)OrderBy(query, key, descending, first: true)
                : (IOrderedQueryable<Article>)OrderBy(ordered, key, descending, first: false);
        }

        return ordered!.Take(request.Size + 1);
    }

    /// <summary>One page of articles, each at the stage's version with the lists asked for, and whether more follow.</summary>
    public async Task<(IReadOnlyList<ArticleView> Items, bool HasMore)> ListAsync(ArticleListRequest request, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Size, Paging.MaxPageSize);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var rows = await Page(request).ToListAsync(cancellationToken);
        var hasMore = rows.Count > request.Size;
        var page = rows.Take(request.Size).ToList();
        if (request.Backward)
        {
            page.Reverse();
        }

        return (await ViewsAsync(request.Stage, page, parts, cancellationToken), hasMore);
    }

    /// <summary>
    /// Published events dated to this calendar day (day precision) in any year, BCE included, the most recent first. Read
    /// from the versions' calendar-day index, then each version checked to be its article's published one.
    /// </summary>
    public async Task<IReadOnlyList<ArticleView>> OnThisDayAsync(int month, int day, int first, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, Paging.MaxPageSize);
        await db.KeepConnectionOpenAsync(cancellationToken);
        return await ViewsAsync(ArticleStage.Published, await OnThisDay(month, day, first).ToListAsync(cancellationToken), parts, cancellationToken);
    }

    /// <summary>The query behind <see cref="OnThisDayAsync"/>.</summary>
    public IQueryable<Article> OnThisDay(int month, int day, int first) =>
        (from v in db.ArticleVersions.AsNoTracking()
         where v.DateStartMonth == month && v.DateStartDay == day && v.DatePrecision == DatePrecision.Day
         join a in db.Articles.AsNoTracking() on new { Id = v.ArticleId, Number = (int?)v.Number } equals new { a.Id, Number = a.PublishedVersionNumber }
         orderby v.DateSortKey descending, a.Slug
         select a).Take(first);

    /// <summary>Whether a month and day exist in some year (29 February included).</summary>
    public static bool IsCalendarDay(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);

    /// <summary>
    /// The published articles among <paramref name="articleIds"/>, at their published versions: the article and version rows
    /// in one statement, their lists from the version cache (or, for those it lacks, in at most two more).
    /// </summary>
    public async Task<IReadOnlyList<ArticleView>> PublishedByIdsAsync(IReadOnlyCollection<Guid> articleIds, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var rows = await PublishedByIds(articleIds).ToListAsync(cancellationToken);
        if (!versionCache.Enabled)
        {
            await VersionContentLoader.FillAsync(db, [.. rows.Select(r => r.Version)], parts, cancellationToken);
            return rows;
        }

        var versions = await versionCache.GetOrFillAsync(db, [.. rows.Select(r => r.Version)], parts, cancellationToken);
        return [.. rows.Select(r => new ArticleView(r.Article, versions[(r.Article.Id, r.Version.Number)]))];
    }

    /// <summary>The query behind <see cref="PublishedByIdsAsync"/>: each published article with its published version's row.</summary>
    public IQueryable<ArticleView> PublishedByIds(IReadOnlyCollection<Guid> articleIds) =>
        from article in db.Articles.AsNoTracking()
        where articleIds.Contains(article.Id) && article.PublishedDateSortKey != null
        join version in db.ArticleVersions.AsNoTracking() on new { article.Id, Number = article.PublishedVersionNumber!.Value } equals new { Id = version.ArticleId, version.Number }
        select new ArticleView(article, version);

    /// <summary>How many articles the filter matches.</summary>
    public Task<int> CountAsync(ArticleStage stage, ArticleFilter? filter, CancellationToken cancellationToken = default) =>
        Matching(stage, filter).CountAsync(cancellationToken);

    /// <summary>The rows with their versions at the stage; an article changed between the two reads is left out rather than shown half.</summary>
    private async Task<IReadOnlyList<ArticleView>> ViewsAsync(ArticleStage stage, List<Article> articles, VersionParts parts, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(stage, articles, parts, cancellationToken);
        return [.. articles.Where(a => versions.ContainsKey(a.Id)).Select(a => new ArticleView(a, versions[a.Id]))];
    }

    private async Task<Dictionary<Guid, ArticleVersion>> VersionsAsync(ArticleStage stage, List<Article> articles, VersionParts parts, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return [];
        }

        var ids = articles.Select(a => a.Id).ToList();
        if (stage == ArticleStage.Published)
        {
            return versionCache.Enabled
                ? (await versionCache.GetManyAsync(
                    [.. articles.Where(a => a.PublishedVersionNumber is not null).Select(a => (a.Id, a.PublishedVersionNumber!.Value))],
                    parts,
                    (missing, load, ct) => PublishedVersionsOf([.. missing.Select(m => m.ArticleId)]).ToListWithContentAsync(db, load, ct),
                    cancellationToken)).ToDictionary(e => e.Key.ArticleId, e => e.Value)
                : (await PublishedVersionsOf(ids).ToListWithContentAsync(db, parts, cancellationToken)).ToDictionary(v => v.ArticleId);
        }

        var latest = articles.ToDictionary(a => a.Id, a => a.LatestVersionNumber);
        var candidates = await db.ArticleVersions
            .Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.LatestVersionNumber == v.Number && ids.Contains(a.Id)))
            .ToListWithContentAsync(db, parts, cancellationToken);
        return candidates.Where(v => latest[v.ArticleId] == v.Number).ToDictionary(v => v.ArticleId);
    }

    /// <summary>The published versions of <paramref name="articleIds"/> (their rows; <see cref="VersionContentLoader"/> adds the lists).</summary>
    public IQueryable<ArticleVersion> PublishedVersionsOf(IReadOnlyCollection<Guid> articleIds) =>
        db.ArticleVersions.AsNoTracking()
            .Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.PublishedVersionNumber == v.Number && articleIds.Contains(a.Id)));

    private IQueryable<Article> Matching(ArticleStage stage, ArticleFilter? filter)
    {
        // The published order's filtered index holds exactly the published articles (deleting unpublishes).
        var articles = stage == ArticleStage.Published
            ? db.Articles.AsNoTracking().Where(a => a.PublishedDateSortKey != null)
            : db.Articles.AsNoTracking().Where(a => a.DeletedAt == null);
        return filter is null ? articles : articles.Where(new FilterTranslation(db, stage).Translate(filter));
    }

    /// <summary>The expression a sort field reads, on the article.</summary>
    private LambdaExpression SortKey(ArticleStage stage, ArticleSortField field) => field switch
    {
        ArticleSortField.Slug => (Expression<Func<Article, string>>)(a => a.Slug),
        ArticleSortField.PublishedAt => (Expression<Func<Article, DateTime>>)(a => a.PublishedAt ?? DateTime.MinValue),
        ArticleSortField.UpdatedAt => (Expression<Func<Article, DateTime>>)(a => a.UpdatedAt),
        ArticleSortField.HistoricalDate when stage == ArticleStage.Published => (Expression<Func<Article, long>>)(a => a.PublishedDateSortKey!.Value),
        ArticleSortField.HistoricalDate => new FilterTranslation(db, stage).VersionValue(v => v.DateSortKey),
        ArticleSortField.Title => new FilterTranslation(db, stage).VersionValue(v => v.Title),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Rows strictly after a position in the order: (k1 &gt; p1) or (k1 = p1 and k2 &gt; p2) or …, each way as sorted.</summary>
    private static Expression<Func<Article, bool>> After(List<(LambdaExpression Key, bool Descending)> keys, IReadOnlyList<object> position)
    {
        if (position.Count != keys.Count)
        {
            throw new ArgumentException("The position does not match the order.", nameof(position));
        }

        var article = Expression.Parameter(typeof(Article), "a");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = keys[i];
            var value = Predicates.Rebind(key, article);
            var bound = Predicates.AsParameter(position[i], value.Type);
            var beyond = Compare(value, bound, descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            var step = Expression.AndAlso(equalSoFar, beyond);
            any = any is null ? step : Expression.OrElse(any, step);
            equalSoFar = Expression.AndAlso(equalSoFar, Compare(value, bound, ExpressionType.Equal));
        }

        return Expression.Lambda<Func<Article, bool>>(any!, article);
    }

    private static BinaryExpression Compare(Expression value, Expression bound, ExpressionType comparison)
    {
        if (value.Type != typeof(string))
        {
            return Expression.MakeBinary(comparison, value, bound);
        }

        // string.Compare(a, b) > 0 is how EF Core writes a > b for text.
        return comparison == ExpressionType.Equal
            ? Expression.Equal(value, bound)
            : Expression.MakeBinary(comparison, Expression.Call(StringCompare, value, bound), Expression.Constant(0));
    }

    private static IQueryable<Article> OrderBy(IQueryable<Article> query, LambdaExpression key, bool descending, bool first)
    {
        var name = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var method = typeof(Queryable).GetMethods()
            .Single(m => m.Name == name && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(Article), key.ReturnType);
        return (IQueryable<Article>)method.Invoke(null, [query, key])!;
    }

    /// <summary>Bounds a filter before it reaches the database.</summary>
    private static class FilterCheck
    {
        public static string? Check(ArticleFilter filter, int depth)
        {
            if (depth > MaxFilterDepth)
            {
                return $"The filter nests and/or deeper than {MaxFilterDepth} levels.";
            }

            foreach (var nested in (filter.And ?? []).Concat(filter.Or ?? []))
            {
                if (Check(nested, depth + 1) is { } problem)
                {
                    return problem;
                }
            }

            return Check(filter.Slug, depth) ?? Check(filter.Title, depth)
                ?? Check(filter.Tags?.Some?.Slug, depth) ?? Check(filter.Tags?.All?.Slug, depth) ?? Check(filter.Tags?.None?.Slug, depth)
                ?? Check(filter.Places?.Some?.Name, depth) ?? Check(filter.Places?.All?.Name, depth) ?? Check(filter.Places?.None?.Name, depth)
                ?? Check(filter.Places?.Some?.Country, depth) ?? Check(filter.Places?.All?.Country, depth) ?? Check(filter.Places?.None?.Country, depth)
                ?? Check(filter.HistoricalDate, depth) ?? Check(filter.PublishedAt, depth) ?? Check(filter.UpdatedAt, depth) ?? Check(filter.UpdatedBy, depth)
                ?? InList(filter.Status?.In) ?? InList(filter.Status?.Nin);
        }

        private static string? Check(StringFilter? filter, int depth)
        {
            if (filter is null)
            {
                return null;
            }

            if (depth > MaxFilterDepth)
            {
                return $"The filter nests and/or deeper than {MaxFilterDepth} levels.";
            }

            return InList(filter.In) ?? InList(filter.Nin)
                ?? (filter.And ?? []).Concat(filter.Or ?? []).Select(f => Check(f, depth + 1)).FirstOrDefault(p => p is not null);
        }

        private static string? Check<T>(ComparableFilter<T>? filter, int depth)
            where T : struct
        {
            if (filter is null)
            {
                return null;
            }

            if (depth > MaxFilterDepth)
            {
                return $"The filter nests and/or deeper than {MaxFilterDepth} levels.";
            }

            if ((InList(filter.In) ?? InList(filter.Nin)) is { } tooLong)
            {
                return tooLong;
            }

            if (typeof(T) == typeof(DatePoint))
            {
                var points = new[] { filter.Eq, filter.Neq, filter.Gt, filter.Ngt, filter.Gte, filter.Ngte, filter.Lt, filter.Nlt, filter.Lte, filter.Nlte }
                    .Where(p => p is not null).Select(p => (DatePoint)(object)p!.Value)
                    .Concat((filter.In ?? []).Concat(filter.Nin ?? []).Select(p => (DatePoint)(object)p));
                if (points.Select(DatePeriod.Problem).FirstOrDefault(p => p is not null) is { } invalid)
                {
                    return invalid;
                }
            }

            return (filter.And ?? []).Concat(filter.Or ?? []).Select(f => Check(f, depth + 1)).FirstOrDefault(p => p is not null);
        }

        private static string? InList<T>(IReadOnlyList<T>? values) =>
            values is { Count: > MaxInValues } ? $"An in or nin list may hold at most {MaxInValues} values." : null;
    }
}
