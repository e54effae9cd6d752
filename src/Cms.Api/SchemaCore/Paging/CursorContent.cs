using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Cms.Api.SchemaCore;

/// <summary>
/// What a keyset cursor holds before <see cref="CursorProtector"/> signs it: the signature of the list it belongs to (its
/// arguments that shape the order) on the first line, then the sort values of its row as a JSON array of strings. A cursor
/// whose signature differs was made under other arguments and is refused.
/// </summary>
public static class CursorContent
{
    public static string Compose(string signature, IEnumerable<string> values) => $"{signature}\n{JsonSerializer.Serialize(values)}";

    /// <summary>The values of <paramref name="content"/> when it was made under <paramref name="signature"/> with <paramref name="count"/> values.</summary>
    public static bool TryRead(string content, string signature, int count, [NotNullWhen(true)] out string[]? values)
    {
        ArgumentNullException.ThrowIfNull(content);
        values = null;
        var newline = content.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || !content.AsSpan(0, newline).SequenceEqual(signature))
        {
            return false;
        }

        try
        {
            values = JsonSerializer.Deserialize<string[]>(content.AsSpan(newline + 1));
        }
        catch (JsonException)
        {
            return false;
        }

        if (values is null || values.Length != count || values.Any(v => v is null))
        {
            values = null;
            return false;
        }

        return true;
    }
}
