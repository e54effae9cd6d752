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
