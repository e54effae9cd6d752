namespace Cms.Api.Media;

/// <summary>What one sweep removed.</summary>
public sealed record SweepResult(int ExpiredUploads, int Originals, int Renditions);
