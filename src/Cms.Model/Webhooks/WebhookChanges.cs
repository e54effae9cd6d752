namespace Cms.Model.Webhooks;

/// <summary>What an update changes; a null member is left as it is (<see cref="Description"/> empty clears it).</summary>
public sealed record WebhookChanges(string? Url, IReadOnlyList<string>? EventTypes, string? Description, bool? Active);
