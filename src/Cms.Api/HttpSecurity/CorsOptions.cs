using System.ComponentModel.DataAnnotations;

namespace Cms.Api.HttpSecurity;

/// <summary>Browser front ends allowed to call the API from another origin. Section "Cors".</summary>
public sealed class CorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins such as <c>https://www.example.org</c>. Default none: only same-origin and non-browser clients.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
