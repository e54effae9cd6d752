namespace Cms.Model.Articles;

/// <summary>
/// The point of an image that must stay in view when it is cropped: X from the left edge and Y from the top, each a
/// fraction of the image's size (0 to 1), so it holds for every rendition whatever its size.
/// </summary>
public readonly record struct FocalPoint(double X, double Y)
{
    public static readonly FocalPoint Center = new(0.5, 0.5);

    public bool IsValid => X is >= 0 and <= 1 && Y is >= 0 and <= 1 && double.IsFinite(X) && double.IsFinite(Y);

    /// <summary>The point from two stored coordinates, or null unless both are there.</summary>
    public static FocalPoint? From(double? x, double? y) => x is { } fx && y is { } fy ? new FocalPoint(fx, fy) : null;
}
