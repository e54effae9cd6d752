namespace Cms.Model.Media;

/// <summary>What uploads may be: the markup kinds (which can carry scripts) only when allowed, and images no larger than this.</summary>
public sealed record MediaPolicy(bool AllowMarkup = false, long MaxPixels = 100_000_000, int MaxDimension = 30_000);
