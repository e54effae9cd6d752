using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Cms.Model.Delivery;

namespace Cms.Api.Articles;

/// <summary>
/// Opaque cursors for the published-articles list: the sort key and slug of the last row seen, so the next
/// page is a seek on an index rather than an offset scan.
/// </summary>
public static class ArticleCursor
{
    private const string Prefix = "a1:";

    public static string Encode(ArticlePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var text = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{position.DateSortKey}:{position.Slug}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string cursor, [NotNullWhen(true)] out ArticlePosition? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 400)
        {
            return false;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> buffer = stackalloc byte[300];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var separator = text.IndexOf(':', Prefix.Length);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || separator < 0 ||
            !long.TryParse(text.AsSpan(Prefix.Length, separator - Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sortKey))
        {
            return false;
        }

        var slug = text[(separator + 1)..];
        if (!Model.Articles.Slug.IsValid(slug))
        {
            return false;
        }

        position = new ArticlePosition(sortKey, slug);
        return true;
    }
}
