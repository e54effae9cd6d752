namespace Cms.Api.Media;

/// <summary>
/// The keys objects are stored under: lowercase letters, digits, '-', '.' and '/' between segments, at most 200 characters,
/// no empty or dot segments, so a key maps to a path inside the store and to a blob name alike.
/// </summary>
public static class MediaKeys
{
    public const int MaxLength = 200;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment[0] == '.')
            {
                return false;
            }

            if (!segment.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a media key: lowercase letters, digits, '-', '.' and '/' between segments.", nameof(key));
}
