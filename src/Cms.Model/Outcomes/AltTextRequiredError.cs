namespace Cms.Model.Outcomes;

public sealed record AltTextRequiredError(IReadOnlyList<Guid> AssetIds)
    : EditError("ALT_TEXT_REQUIRED", $"Images need alt text before a version that uses them is published: {string.Join(", ", AssetIds)}.");
