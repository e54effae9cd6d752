using System.Text.RegularExpressions;

namespace Cms.Model.Editing;

/// <summary>
/// A word-level diff (longest common subsequence of words, whitespace kept with each word), the shape an editor
/// screen shows with insertions and deletions marked. Common beginnings and ends are trimmed first; texts whose
/// remaining middles are too large to compare word by word are shown as one deletion and one insertion.
/// </summary>
public static partial class WordDiff
{
    /// <summary>Above this many comparison cells (words × words) the middle is replaced whole.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compare(string? oldText, string? newText)
    {
        var before = Words(oldText ?? string.Empty);
        var after = Words(newText ?? string.Empty);
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        var segments = new List<DiffSegment>();
        Append(segments, DiffKind.Unchanged, before.Take(prefix));
        var oldMiddle = before[prefix..^suffix];
        var newMiddle = after[prefix..^suffix];
        if ((long)oldMiddle.Length * newMiddle.Length > MaxCells)
        {
            Append(segments, DiffKind.Deleted, oldMiddle);
            Append(segments, DiffKind.Inserted, newMiddle);
        }
        else
        {
            foreach (var (kind, word) in Lcs(oldMiddle, newMiddle))
            {
                Append(segments, kind, [word]);
            }
        }

        Append(segments, DiffKind.Unchanged, before.Skip(before.Length - suffix));
        return segments;
    }

    private static IEnumerable<(DiffKind Kind, string Word)> Lcs(string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                yield return (DiffKind.Unchanged, a[x]);
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                yield return (DiffKind.Deleted, a[x++]);
            }
            else
            {
                yield return (DiffKind.Inserted, b[y++]);
            }
        }

        while (x < a.Length)
        {
            yield return (DiffKind.Deleted, a[x++]);
        }

        while (y < b.Length)
        {
            yield return (DiffKind.Inserted, b[y++]);
        }
    }

    private static void Append(List<DiffSegment> segments, DiffKind kind, IEnumerable<string> words)
    {
        var text = string.Concat(words);
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }

    private static string[] Words(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex WordPattern();
}
