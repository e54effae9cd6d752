using System.Text;
using Cms.Model.Outcomes;

namespace Cms.Model.Articles;

/// <summary>
/// The rules for an article's address: lowercase ASCII letters, digits and single hyphens, starting and ending
/// with a letter or digit, at most <see cref="MaxLength"/> characters. Being lowercase ASCII, slugs compare the
/// same way on every database collation.
/// </summary>
public static class Slug
{
    public const int MaxLength = 120;

    public static bool IsValid(string? slug) => slug is not null && Check(slug, "slug", MaxLength) is null;

    /// <summary>The problem with <paramref name="value"/> as a slug-shaped identifier, or null when it is fine.</summary>
    internal static ValidationProblem? Check(string? value, string field, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ValidationProblem.Required(field);
        }

        if (value.Length > maxLength)
        {
            return ValidationProblem.TooLong(field, maxLength);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var isAllowed = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ||
                (c == '-' && i > 0 && i < value.Length - 1 && value[i - 1] != '-');
            if (!isAllowed)
            {
                return new ValidationProblem(field, ValidationCodes.InvalidFormat,
                    $"{field} may contain only lowercase letters, digits and single hyphens, and must start and end with a letter or digit.");
            }
        }

        return null;
    }

    /// <summary>A valid slug suggested from a title: "The Fall of the Berlin Wall" gives "the-fall-of-the-berlin-wall".</summary>
    public static string FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(Math.Min(title.Length, MaxLength));
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                // Letters outside ASCII, spaces and punctuation all become one separator; accents were split off by FormD and are dropped.
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
        }

        return builder.ToString().Trim('-');
    }
}
