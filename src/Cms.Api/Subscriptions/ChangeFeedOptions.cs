using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Subscriptions;

/// <summary>How this instance follows the outbox for GraphQL subscriptions. Section "ChangeFeed".</summary>
public sealed class ChangeFeedOptions
{
    public const string SectionName = "ChangeFeed";

    /// <summary>Follow the outbox in this instance. Default true; when false, subscriptions are accepted but receive nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the outbox is read for new events. Default 250 ms: a change made on any instance reaches this instance's
    /// subscribers within about that (one indexed query per interval per instance).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
