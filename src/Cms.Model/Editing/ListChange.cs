namespace Cms.Model.Editing;

/// <summary>Entries of a list present only in the newer version (added) or only in the older one (removed).</summary>
public sealed record ListChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
