using System.Linq.Expressions;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Persistence;
using Cms.Model.Querying;
using Cms.Model.Taxonomy;

namespace Cms.Model.Delivery;

/// <summary>
/// Turns an <see cref="ArticleFilter"/> into one predicate on the article that both providers translate. Fields of the
/// version are tested in an EXISTS on the stage's version (found by its key: article and number); text operations other
/// than equality use LIKE with escaped operands, which compares case-insensitively on both providers (ASCII letters on
/// SQLite, the column's collation on SQL Server).
/// </summary>
internal sealed class FilterTranslation(CmsDbContext db, ArticleStage stage)
{
    public Expression<Func<Article, bool>> Translate(ArticleFilter filter)
    {
        var parts = new List<Expression<Func<Article, bool>>>();
        parts.AddRange((filter.And ?? []).Select(Translate));
        if (filter.Or is { Count: > 0 } alternatives)
        {
            parts.Add(alternatives.Select(Translate).Aggregate(Predicates.Or));
        }

        if (filter.Slug is { } slug)
        {
            parts.Add(FilterExpressions.Text(slug, (Expression<Func<Article, string>>)(a => a.Slug)));
        }

        if (filter.Status is { } status)
        {
            parts.Add(Status(status));
        }

        if (filter.PublishedAt is { } publishedAt)
        {
            parts.Add(Comparable(publishedAt, (Expression<Func<Article, DateTime?>>)(a => a.PublishedAt)));
        }

        if (filter.UpdatedAt is { } updatedAt)
        {
            parts.Add(Comparable(updatedAt, (Expression<Func<Article, DateTime?>>)(a => a.UpdatedAt)));
        }

        if (filter.UpdatedBy is { } updatedBy)
        {
            parts.Add(FilterExpressions.Text(updatedBy, (Expression<Func<Article, string>>)(a => a.UpdatedBy)));
        }

        if (filter.HistoricalDate is { } date)
        {
            // Published articles carry their version's date key on the article row (the published order's index).
            parts.Add(stage == ArticleStage.Published
                ? HistoricalDate(date, (Expression<Func<Article, long?>>)(a => a.PublishedDateSortKey))
                : VersionHas(HistoricalDate(date, (Expression<Func<ArticleVersion, long?>>)(v => v.DateSortKey))));
        }

        if (filter.Title is { } title)
        {
            parts.Add(VersionHas(FilterExpressions.Text(title, (Expression<Func<ArticleVersion, string>>)(v => v.Title))));
        }

        if (filter.Tags is { } tags)
        {
            parts.Add(VersionHas(FilterExpressions.List(tags, (Expression<Func<ArticleVersion, IEnumerable<Tag>>>)(v => v.Tags), TagMatches)));
        }

        if (filter.Places is { } places)
        {
            parts.Add(VersionHas(FilterExpressions.List(places, (Expression<Func<ArticleVersion, IEnumerable<Place>>>)(v => v.Places), PlaceMatches)));
        }

        return parts.Count == 0 ? a => true : parts.Aggregate(Predicates.And);
    }

    /// <summary>A value of the stage's version, as a scalar subquery on the article (for ordering by it).</summary>
    public LambdaExpression VersionValue<T>(Expression<Func<ArticleVersion, T>> selector)
    {
        var versionOf = VersionOf();
        var selected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ArticleVersion), typeof(T)], versionOf.Body, Expression.Quote(selector));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(T)], selected);
        return Expression.Lambda<Func<Article, T>>(first, versionOf.Parameters);
    }

    private Expression<Func<Article, IQueryable<ArticleVersion>>> VersionOf() => stage == ArticleStage.Published
        ? a => db.ArticleVersions.Where(v => v.ArticleId == a.Id && v.Number == a.PublishedVersionNumber)
        : a => db.ArticleVersions.Where(v => v.ArticleId == a.Id && v.Number == a.LatestVersionNumber);

    private Expression<Func<Article, bool>> VersionHas(Expression<Func<ArticleVersion, bool>> predicate)
    {
        var versionOf = VersionOf();
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(ArticleVersion)], versionOf.Body, Expression.Quote(predicate));
        return Expression.Lambda<Func<Article, bool>>(any, versionOf.Parameters);
    }

    private static Expression<Func<Article, bool>> Status(EnumFilter<ArticleStatus> filter)
    {
        var parts = new List<Expression<Func<Article, bool>>>();
        if (filter.Eq is { } eq)
        {
            parts.Add(a => a.Status == eq);
        }

        if (filter.Neq is { } neq)
        {
            parts.Add(a => a.Status != neq);
        }

        if (filter.In is { } values)
        {
            var list = values.ToList();
            parts.Add(a => list.Contains(a.Status));
        }

        if (filter.Nin is { } excluded)
        {
            var list = excluded.ToList();
            parts.Add(a => !list.Contains(a.Status));
        }

        return parts.Count == 0 ? a => true : parts.Aggregate(Predicates.And);
    }

    private static Expression<Func<T, bool>> Comparable<T>(ComparableFilter<DateTime> filter, Expression<Func<T, DateTime?>> field) =>
        Compared(filter, field, value => ((DateTime?)value, (DateTime?)value));

    private static Expression<Func<T, bool>> HistoricalDate<T>(ComparableFilter<DatePoint> filter, Expression<Func<T, long?>> key) =>
        Compared(filter, key, point =>
        {
            var (first, last) = DatePeriod.Of(point);
            return ((long?)first, (long?)last);
        });

    /// <summary>
    /// The comparison operators over periods (a timestamp is a period of one instant): <c>eq</c> is inside the period,
    /// <c>gt</c> after its end, <c>gte</c> from its start, <c>lt</c> before its start, <c>lte</c> up to its end; the
    /// <c>n…</c> forms negate, <c>in</c> is any <c>eq</c> and <c>nin</c> none.
    /// </summary>
    private static Expression<Func<T, bool>> Compared<T, TOperand, TKey>(ComparableFilter<TOperand> filter, Expression<Func<T, TKey>> key, Func<TOperand, (TKey First, TKey Last)> period)
        where TOperand : struct
    {
        var parts = new List<Expression<Func<T, bool>>>();
        Expression<Func<T, bool>> Within(TOperand value) => Predicates.And(
            Predicates.Compare(key, ExpressionType.GreaterThanOrEqual, period(value).First),
            Predicates.Compare(key, ExpressionType.LessThanOrEqual, period(value).Last));
        void Add(TOperand? yes, TOperand? no, Func<TOperand, Expression<Func<T, bool>>> test)
        {
            if (yes is { } y)
            {
                parts.Add(test(y));
            }

            if (no is { } n)
            {
                parts.Add(Predicates.Not(test(n)));
            }
        }

        Add(filter.Eq, filter.Neq, Within);
        Add(filter.Gt, filter.Ngt, v => Predicates.Compare(key, ExpressionType.GreaterThan, period(v).Last));
        Add(filter.Gte, filter.Ngte, v => Predicates.Compare(key, ExpressionType.GreaterThanOrEqual, period(v).First));
        Add(filter.Lt, filter.Nlt, v => Predicates.Compare(key, ExpressionType.LessThan, period(v).First));
        Add(filter.Lte, filter.Nlte, v => Predicates.Compare(key, ExpressionType.LessThanOrEqual, period(v).Last));
        if (filter.In is { } values)
        {
            parts.Add(values.Count == 0 ? _ => false : values.Select(Within).Aggregate(Predicates.Or));
        }

        if (filter.Nin is { Count: > 0 } excluded)
        {
            parts.Add(Predicates.Not(excluded.Select(Within).Aggregate(Predicates.Or)));
        }

        parts.AddRange((filter.And ?? []).Select(f => Compared(f, key, period)));
        if (filter.Or is { Count: > 0 } alternatives)
        {
            parts.Add(alternatives.Select(f => Compared(f, key, period)).Aggregate(Predicates.Or));
        }

        return parts.Count == 0 ? _ => true : parts.Aggregate(Predicates.And);
    }

    private static Expression<Func<Tag, bool>> TagMatches(TagFilter filter) =>
        filter.Slug is { } slug ? FilterExpressions.Text(slug, (Expression<Func<Tag, string>>)(t => t.Slug)) : t => true;

    private static Expression<Func<Place, bool>> PlaceMatches(PlaceFilter filter)
    {
        var parts = new List<Expression<Func<Place, bool>>>();
        if (filter.Name is { } name)
        {
            parts.Add(FilterExpressions.Text(name, (Expression<Func<Place, string>>)(p => p.Name)));
        }

        if (filter.Country is { } country)
        {
            parts.Add(FilterExpressions.Text(country, (Expression<Func<Place, string>>)(p => p.Country!)));
        }

        return parts.Count == 0 ? p => true : parts.Aggregate(Predicates.And);
    }
}
