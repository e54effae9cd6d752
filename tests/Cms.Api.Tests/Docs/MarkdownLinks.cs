using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cms.Api.Tests.Docs;

/// <summary>A link written in a Markdown file: where it points, and the line it is on (for the failure message).</summary>
public sealed record MarkdownLink(string File, int Line, string Destination);

/// <summary>
/// The links and heading anchors of a Markdown file, read as GitHub renders it: nothing in a fenced code block or a code
/// span is a link or a heading, and a heading's anchor is GitHub's slug of its text.
/// </summary>
public static partial class MarkdownLinks
{
    /// <summary>Inline links and images (<c>[text](dest)</c>, <c>![alt](dest "title")</c>), link reference definitions, and HTML src/href.</summary>
    public static IReadOnlyList<MarkdownLink> Links(string file, string markdown)
    {
        var text = WithoutCodeSpans(string.Join('\n', OutsideFences(markdown)));
        var links = new List<MarkdownLink>();
        foreach (var pattern in new[] { InlineLink(), ReferenceDefinition(), HtmlLink() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var destination = match.Groups["dest"].Value;
                links.Add(new MarkdownLink(file, LineOf(text, match.Groups["dest"].Index), destination));
            }
        }

        return [.. links.OrderBy(l => l.Line)];
    }

    /// <summary>Every anchor a link may name in this file: heading slugs (duplicates numbered -1, -2 as GitHub does) and HTML ids.</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = OutsideFences(markdown).ToList();
        foreach (var line in lines)
        {
            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }
        }

        foreach (Match id in HtmlId().Matches(WithoutCodeSpans(string.Join('\n', lines))))
        {
            anchors.Add(id.Groups["id"].Value);
        }

        return anchors;
    }

    /// <summary>
    /// GitHub's anchor for a heading: its text as rendered (code, emphasis and link syntax gone), lowercased, every
    /// character but letters, digits, marks, spaces, hyphens and underscores dropped, each space a hyphen.
    /// </summary>
    public static string Slug(string heading)
    {
        var rendered = HtmlTag().Replace(InlineLinkText().Replace(heading, "${text}"), "").Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in rendered.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c is ' ')
            {
                slug.Append('-');
            }
            else if (c is '-' or '_' || char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    /// <summary>The lines outside fenced code blocks (``` or ~~~, closed by a fence of the same character at least as long); fenced lines become blank so line numbers hold.</summary>
    private static IEnumerable<string> OutsideFences(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var opening = Fence().Match(line);
            if (fence is null && opening.Success)
            {
                fence = opening.Groups["fence"].Value;
                yield return "";
            }
            else if (fence is not null)
            {
                if (opening.Success && opening.Groups["fence"].Value[0] == fence[0] && opening.Groups["fence"].Length >= fence.Length && opening.Groups["info"].Value.Trim().Length == 0)
                {
                    fence = null;
                }

                yield return "";
            }
            else
            {
                yield return line;
            }
        }
    }

    /// <summary>Code spans (a run of backticks to the next run of the same length, within a paragraph) become spaces, so nothing in them reads as a link.</summary>
    private static string WithoutCodeSpans(string text) =>
        CodeSpan().Replace(text, m => new string([.. m.Value.Select(c => c == '\n' ? c : ' ')]));

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?<!`)(?<ticks>`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?(?<!`)\k<ticks>(?!`)")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?(?<dest>[^)\s>]+)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<dest>[^\s>]+)>?", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?:a|img)\b[^>]*?\s(?:href|src)\s*=\s*[""'](?<dest>[^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"<[a-z][^>]*?\s(?:id|name)\s*=\s*[""'](?<id>[^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlId();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLinkText();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();
}
