namespace Cms.Model.Media;

/// <summary>Width and height in pixels, read from an image's header.</summary>
public readonly record struct PixelSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
