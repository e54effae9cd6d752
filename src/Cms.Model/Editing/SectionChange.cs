namespace Cms.Model.Editing;

/// <summary>
/// What happened to one section between two versions, matched by its stable key: added, removed, moved
/// (position changed) and/or changed (heading, or body with a word-level diff).
/// </summary>
public sealed record SectionChange(
    string Key,
    bool Added,
    bool Removed,
    bool Moved,
    int? OldPosition,
    int? NewPosition,
    string? OldHeading,
    string? NewHeading,
    IReadOnlyList<DiffSegment> BodyDiff)
{
    public bool BodyChanged => BodyDiff.Any(s => s.Kind != DiffKind.Unchanged);
}
