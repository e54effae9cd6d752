namespace Cms.Model.Outcomes;

public sealed record SlugTakenError(string Slug)
    : EditError("SLUG_TAKEN", $"Another article already uses the slug '{Slug}'.");
