namespace Cms.Model.Security;

/// <summary>
/// What a caller may do. Roles are ordered: each includes every role before it, so a check is a comparison
/// ("at least Editor"). Anonymous callers have no role and see published content only.
/// </summary>
public enum Role
{
    /// <summary>Reads drafts, any version, history and comparisons (previews).</summary>
    Viewer = 1,

    /// <summary>Also creates and changes drafts, uploads and edits media.</summary>
    Editor = 2,

    /// <summary>Also publishes, unpublishes, schedules and restores versions.</summary>
    Publisher = 3,

    /// <summary>Also deletes and purges, and manages API keys.</summary>
    Admin = 4,
}

public static class Roles
{
    /// <summary>Parses a role name case-insensitively ("editor", "Editor"); numbers are not role names.</summary>
    public static bool TryParse(string? value, out Role role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) &&
            Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    public static string ToName(this Role role) => role.ToString().ToLowerInvariant();
}
