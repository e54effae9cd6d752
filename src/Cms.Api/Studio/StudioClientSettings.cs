namespace Cms.Api.Studio;

/// <summary>What the studio reads from <c>/studio/settings.json</c> at start: the preview page's URL template.</summary>
public sealed record StudioClientSettings(string PreviewUrl);
