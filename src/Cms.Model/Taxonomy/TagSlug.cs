using System.Globalization;
using System.Text;

namespace Cms.Model.Taxonomy;

/// <summary>
/// How a tag's slug is derived from the label editors type. Letters and digits of every script are kept, lowercased
/// ("Великая Отечественная война" gives <c>великая-отечественная-война</c>); accents on Latin letters are dropped
/// ("Café" gives <c>cafe</c>) while the marks other scripts write vowels with are kept; everything else becomes one
/// hyphen. The result is in Unicode normal form C, so the same label always gives the same bytes on every database.
/// </summary>
public static class TagSlug
{
    /// <summary>Latin letters (with their extensions) end below here: their combining accents are dropped.</summary>
    private const char EndOfLatin = '\u0250';

    public static string From(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var builder = new StringBuilder(label.Length);
        var baseIsLatin = false;
        foreach (var c in label.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // A mark belongs to the letter before it: gone with Latin ones, kept with the others (and never after a hyphen).
                if (!baseIsLatin && builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append(c);
                }

                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                baseIsLatin = c < EndOfLatin;
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-').Normalize(NormalizationForm.FormC);
        if (slug.Length <= Tag.MaxSlugLength)
        {
            return slug;
        }

        var cut = char.IsHighSurrogate(slug[Tag.MaxSlugLength - 1]) ? Tag.MaxSlugLength - 1 : Tag.MaxSlugLength;
        return slug[..cut].TrimEnd('-');
    }

    /// <summary>A label as stored: trimmed, with every run of white space made one space.</summary>
    public static string TidyLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
