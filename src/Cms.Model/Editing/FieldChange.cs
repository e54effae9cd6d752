namespace Cms.Model.Editing;

/// <summary>A scalar field whose value differs between two versions.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
