namespace Cms.Model.Outcomes;

public sealed record NotFoundError(string Entity, string Key)
    : EditError("NOT_FOUND", $"{Entity} '{Key}' does not exist.");
