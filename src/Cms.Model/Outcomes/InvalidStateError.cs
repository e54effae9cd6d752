namespace Cms.Model.Outcomes;

public sealed record InvalidStateError(string Detail)
    : EditError("INVALID_STATE", Detail);
