using System.Globalization;
using System.Text;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Search;

/// <summary>
/// Full-text search over published articles' title, summary, key facts and sections: every word must match (the last may
/// be the start of a word, for search as you type), best match first. SQLite ranks with FTS5's bm25 (title weighing most,
/// then summary); SQL Server with CONTAINSTABLE's rank. Pages are keyset on (score, document), so each costs one ranked
/// read of the matches whatever its number.
/// </summary>
public sealed class ArticleSearch(CmsDbContext db)
{
    public const int MaxTextLength = 200;
    public const int MaxTerms = 10;

    /// <summary>The words of a search text: runs of letters and digits, any script, lowercased.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            terms.Add(word.ToString());
        }

        return terms;
    }

    /// <summary>What is wrong with a search text, or null when it can be searched.</summary>
    public static string? Problem(string text)
    {
        if (text is null)
        {
            return "Give a text to search for.";
        }

        if (text.Length > MaxTextLength)
        {
            return $"A search text has at most {MaxTextLength} characters.";
        }

        return Terms(text).Count switch
        {
            0 => "Give at least one word to search for.",
            > MaxTerms => $"A search text has at most {MaxTerms} words.",
            _ => null,
        };
    }

    public async Task<(IReadOnlyList<SearchMatch> Matches, bool HasMore)> PageAsync(IReadOnlyList<string> terms, int size, SearchPosition? after, CancellationToken cancellationToken = default)
    {
        var rows = await Page(terms, size, after).ToListAsync(cancellationToken);
        return (rows.Take(size).ToList(), rows.Count > size);
    }

    public Task<int> CountAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default)
    {
        CheckTerms(terms);
        return db.Database.IsSqlServer()
            ? db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM CONTAINSTABLE(SearchDocuments, (Title, Summary, Body), {SqlServerCondition(terms)})").SingleAsync(cancellationToken)
            : db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM SearchIndex WHERE SearchIndex MATCH {SqliteMatch(terms)}").SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The statement behind <see cref="PageAsync"/>: one more match than the page holds, best first. Matches are ranked and
    /// cut to the page inside the full-text index, and only the page's rows are joined to their documents (joining every
    /// match first would read a document row for each, which dominates when a word is common).
    /// </summary>
    public IQueryable<SearchMatch> Page(IReadOnlyList<string> terms, int size, SearchPosition? after)
    {
        CheckTerms(terms);
        var take = size + 1;
        var (afterScore, afterId) = (after?.Score ?? double.MaxValue, after?.DocumentId ?? long.MinValue);
        if (db.Database.IsSqlServer())
        {
            return db.Database.SqlQuery<SearchMatch>($"""
                SELECT TOP ({take}) d.Id AS DocumentId, d.ArticleId, CAST(ft.[RANK] AS float) AS Score
                FROM CONTAINSTABLE(SearchDocuments, (Title, Summary, Body), {SqlServerCondition(terms)}) AS ft
                INNER JOIN SearchDocuments AS d ON d.Id = ft.[KEY]
                WHERE CAST(ft.[RANK] AS float) < {afterScore} OR (CAST(ft.[RANK] AS float) = {afterScore} AND d.Id > {afterId})
                ORDER BY ft.[RANK] DESC, d.Id
                """);
        }

        return db.Database.SqlQuery<SearchMatch>($"""
            WITH ranked AS MATERIALIZED (
                SELECT rowid AS Id, -bm25(SearchIndex, 10.0, 4.0, 1.0) AS Score FROM SearchIndex WHERE SearchIndex MATCH {SqliteMatch(terms)}
            ),
            page AS (
                SELECT Id, Score FROM ranked
                WHERE Score < {afterScore} OR (Score = {afterScore} AND Id > {afterId})
                ORDER BY Score DESC, Id
                LIMIT {take}
            )
            SELECT d.Id AS DocumentId, d.ArticleId, page.Score
            FROM page INNER JOIN SearchDocuments AS d ON d.Id = page.Id
            ORDER BY page.Score DESC, page.Id
            """);
    }

    /// <summary>The text of the given documents, for snippets.</summary>
    public Task<List<SearchDocument>> DocumentsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        db.SearchDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);

    private static void CheckTerms(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count is 0 or > MaxTerms)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), terms.Count, $"Search with 1 to {MaxTerms} terms.");
        }
    }

    /// <summary>FTS5: each term a quoted string (so no word is read as an operator), the last one also as a prefix; all required.</summary>
    internal static string SqliteMatch(IReadOnlyList<string> terms) =>
        string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));

    /// <summary>CONTAINSTABLE: each term a quoted simple term, the last one a prefix term; all required.</summary>
    internal static string SqlServerCondition(IReadOnlyList<string> terms) =>
        string.Join(" AND ", terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}*\"" : $"\"{t}\""));
}
