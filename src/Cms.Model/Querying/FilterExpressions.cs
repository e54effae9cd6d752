using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Querying;

/// <summary>
/// The predicates every list's filters share (text and list operations), so that articles and media assets filter text
/// the same way: equality as is, every other text operation as LIKE with escaped operands, which compares
/// case-insensitively on both providers (ASCII letters on SQLite, the column's collation on SQL Server).
/// </summary>
internal static class FilterExpressions
{
    private const char LikeEscape = '\\';

    public static Expression<Func<T, bool>> Text<T>(StringFilter filter, Expression<Func<T, string>> field)
    {
        var parts = new List<Expression<Func<string, bool>>>();
        if (filter.Eq is { } eq)
        {
            parts.Add(s => s == eq);
        }

        if (filter.Neq is { } neq)
        {
            parts.Add(s => s != neq);
        }

        if (filter.In is { } values)
        {
            var list = values.ToList();
            parts.Add(s => list.Contains(s));
        }

        if (filter.Nin is { } excluded)
        {
            var list = excluded.ToList();
            parts.Add(s => !list.Contains(s));
        }

        AddLike(parts, filter.Contains, filter.NContains, text => $"%{Escape(text)}%");
        AddLike(parts, filter.StartsWith, filter.NStartsWith, text => $"{Escape(text)}%");
        AddLike(parts, filter.EndsWith, filter.NEndsWith, text => $"%{Escape(text)}");

        var own = parts.Count == 0 ? s => true : parts.Aggregate(Predicates.And);
        var combined = new List<Expression<Func<T, bool>>> { Predicates.On(field, own) };
        combined.AddRange((filter.And ?? []).Select(f => Text(f, field)));
        if (filter.Or is { Count: > 0 } alternatives)
        {
            combined.Add(alternatives.Select(f => Text(f, field)).Aggregate(Predicates.Or));
        }

        return combined.Aggregate(Predicates.And);
    }

    private static void AddLike(List<Expression<Func<string, bool>>> parts, string? match, string? notMatch, Func<string, string> pattern)
    {
        if (match is not null)
        {
            var like = pattern(match);
            parts.Add(s => EF.Functions.Like(s, like, LikeEscape.ToString()));
        }

        if (notMatch is not null)
        {
            var like = pattern(notMatch);
            parts.Add(s => !EF.Functions.Like(s, like, LikeEscape.ToString()));
        }
    }

    private static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    public static Expression<Func<T, bool>> List<T, TElement, TFilter>(
        ListFilter<TFilter> filter,
        Expression<Func<T, IEnumerable<TElement>>> list,
        Func<TFilter, Expression<Func<TElement, bool>>> matches)
        where TFilter : class
    {
        var parts = new List<Expression<Func<T, bool>>>();
        if (filter.Some is { } some)
        {
            parts.Add(Predicates.Quantified(list, nameof(Enumerable.Any), matches(some)));
        }

        if (filter.All is { } all)
        {
            parts.Add(Predicates.Quantified(list, nameof(Enumerable.All), matches(all)));
        }

        if (filter.None is { } none)
        {
            parts.Add(Predicates.Not(Predicates.Quantified(list, nameof(Enumerable.Any), matches(none))));
        }

        if (filter.Any is { } any)
        {
            var hasAny = Predicates.Quantified<T, TElement>(list, nameof(Enumerable.Any), null);
            parts.Add(any ? hasAny : Predicates.Not(hasAny));
        }

        return parts.Count == 0 ? v => true : parts.Aggregate(Predicates.And);
    }
}
