namespace Cms.Model.Outcomes;

/// <summary>
/// Why an editorial command did not happen. Each kind has a stable code; the API turns them into typed
/// errors. Nothing is written when a command returns any of these.
/// </summary>
public abstract record EditError(string Code, string Message);
