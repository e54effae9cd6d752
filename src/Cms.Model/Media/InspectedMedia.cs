namespace Cms.Model.Media;

/// <summary>An accepted upload's kind, its content type and, for images, its size.</summary>
public sealed record InspectedMedia(MediaKind Kind, string ContentType, PixelSize? Size);
