using System.Globalization;
using System.Text;

namespace Cms.Model.Search;

/// <summary>
/// The passage of a matching article shown under its title in search results: a few words around the first match in the
/// summary or body, HTML-escaped, with each word the search matched wrapped in <c>&lt;mark&gt;</c>. Matching here follows the
/// index: case and accents ignored, a word matches a term it starts with.
/// </summary>
public static class SearchSnippet
{
    private const int WordsBefore = 8;
    private const int Words = 30;
    private const char Ellipsis = '…';

    public static string Of(SearchDocument document, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var text in new[] { document.Summary, document.Body })
        {
            var words = WordsOf(text);
            var first = words.FindIndex(w => Matches(w.Text, terms));
            if (first >= 0)
            {
                return Render(text, words, Math.Max(0, first - WordsBefore), terms);
            }
        }

        // Only the title matched: the start of the summary says what the article is about.
        return Render(document.Summary, WordsOf(document.Summary), 0, terms);
    }

    private static string Render(string text, List<(int Start, int Length, string Text)> words, int from, IReadOnlyList<string> terms)
    {
        if (words.Count == 0)
        {
            return string.Empty;
        }

        var to = Math.Min(words.Count, from + Words) - 1;
        var html = new StringBuilder();
        if (from > 0)
        {
            html.Append(Ellipsis);
        }

        var position = from == 0 ? 0 : words[from].Start;
        for (var i = from; i <= to; i++)
        {
            var (start, length, word) = words[i];
            html.Append(Escape(text[position..start]));
            var encoded = Escape(word);
            html.Append(Matches(word, terms) ? $"<mark>{encoded}</mark>" : encoded);
            position = start + length;
        }

        if (to < words.Count - 1)
        {
            html.Append(Ellipsis);
        }
        else
        {
            html.Append(Escape(text[position..]));
        }

        return html.ToString().Replace("\n", " · ", StringComparison.Ordinal);
    }

    private static bool Matches(string word, IReadOnlyList<string> terms) =>
        terms.Any(t => CultureInfo.InvariantCulture.CompareInfo.IsPrefix(word, t, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace));

    /// <summary>HTML-escapes the five markup characters only: every other letter stays as written, in any script.</summary>
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>Runs of letters, digits and marks, with where each starts in the text.</summary>
    private static List<(int Start, int Length, string Text)> WordsOf(string text)
    {
        var words = new List<(int, int, string)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) ||
                CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add((start, i - start, text[start..i]));
                start = -1;
            }
        }

        return words;
    }
}
