using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Articles;

/// <summary>How scheduled publications are run. Section "Scheduling".</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Run due schedules in this instance. Default true; any number of instances may run them (each schedule runs once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due schedules. Default 5 seconds: a schedule runs at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
