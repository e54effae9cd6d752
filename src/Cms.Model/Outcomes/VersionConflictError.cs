namespace Cms.Model.Outcomes;

public sealed record VersionConflictError(int ExpectedVersion, int CurrentVersion)
    : EditError("VERSION_CONFLICT", $"The article has changed: the change was based on version {ExpectedVersion}, but the latest version is {CurrentVersion}.");
