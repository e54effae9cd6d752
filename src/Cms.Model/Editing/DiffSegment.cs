namespace Cms.Model.Editing;

/// <summary>A run of words that is the same in both texts, only in the new one, or only in the old one.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);
