using Cms.Model.Articles;

namespace Cms.Model.Media;

/// <summary>What an editor says about an asset. Null leaves a field unchanged; an empty string clears it.</summary>
public sealed record MediaMetadata(
    string? AltText = null,
    string? Caption = null,
    string? Credit = null,
    string? License = null,
    FocalPoint? FocalPoint = null,
    IReadOnlyList<string>? Tags = null);
