namespace Cms.Model.Webhooks;

/// <summary>
/// A receiver's URL and the change events it wants, signed with its secret. The secret is kept (it must sign every
/// delivery) but shown only when it is made. <see cref="Cursor"/> is the last outbox event this subscription has taken
/// its deliveries from: a new subscription starts at the latest event and gets no history.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public const int MaxReasonLength = 500;

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The event types delivered, from <see cref="Events.ChangeEventTypes"/>, comma-separated in storage.</summary>
    public string EventTypes { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    /// <summary>
    /// Whether deliveries are made. While inactive, events pass it by; deliveries made before it was turned off wait and
    /// go out when it is turned on again.
    /// </summary>
    public bool Active { get; private set; }

    public string Secret { get; private set; } = string.Empty;

    /// <summary>The secret before the last rotation, which still signs deliveries until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; private set; }

    public DateTime? PreviousSecretExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The outbox position this subscription's deliveries have been taken up to.</summary>
    public long Cursor { get; private set; }

    /// <summary>When deliveries started failing without a success since; null while they succeed.</summary>
    public DateTime? FailingSince { get; private set; }

    public DateTime? DisabledAt { get; private set; }

    /// <summary>Why the dispatcher turned the subscription off, such as deliveries failing for too long.</summary>
    public string? DisabledReason { get; private set; }

    public IReadOnlyList<string> EventTypeList =>
        EventTypes.Length == 0 ? [] : EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => EventTypeList.Contains(eventType, StringComparer.Ordinal);

    internal static WebhookSubscription Create(string url, IEnumerable<string> eventTypes, string? description, bool active, string secret, long cursor, string createdBy, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Url = url,
            EventTypes = string.Join(',', eventTypes),
            Description = description,
            Active = active,
            Secret = secret,
            Cursor = cursor,
            CreatedAt = now,
            CreatedBy = createdBy,
            UpdatedAt = now,
        };

    internal void Change(string? url, IEnumerable<string>? eventTypes, string? description, bool clearDescription, bool? active, DateTime now)
    {
        if (url is not null)
        {
            Url = url;
        }

        if (eventTypes is not null)
        {
            EventTypes = string.Join(',', eventTypes);
        }

        if (description is not null || clearDescription)
        {
            Description = description;
        }

        if (active is { } isActive && isActive != Active)
        {
            Active = isActive;
            if (isActive)
            {
                // Turned on again by an admin: failures start counting afresh.
                DisabledAt = null;
                DisabledReason = null;
                FailingSince = null;
            }
        }

        UpdatedAt = now;
    }

    internal void Rotate(string newSecret, DateTime previousValidUntil, DateTime now)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = previousValidUntil;
        Secret = newSecret;
        UpdatedAt = now;
    }

    /// <summary>The secrets a delivery is signed with now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTime now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];
}
