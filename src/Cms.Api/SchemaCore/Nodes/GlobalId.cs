using System.Text;

namespace Cms.Api.SchemaCore;

/// <summary>
/// Relay global object ids: base64 of "Type:key". They are opaque to clients and stable, so any object a
/// client may refetch can later be found again through a single `node(id:)` field.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    /// <summary>
    /// The key of an object of <paramref name="typeName"/> as clients send its id: the global id this API issues, or the
    /// bare GUID some fields show (an article media reference's assetId, say); null for anything else.
    /// </summary>
    public static Guid? KeyOf(string? id, string typeName) =>
        TryDecode(id, out var type, out var key) && type == typeName ? key
        : Guid.TryParse(id, out var bare) ? bare
        : null;

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = string.Empty;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[150];
        if (!Convert.TryFromBase64String(globalId, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || !Guid.TryParseExact(text.AsSpan(separator + 1), "N", out id))
        {
            return false;
        }

        typeName = text[..separator];
        return true;
    }
}
