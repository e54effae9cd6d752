using System.ComponentModel.DataAnnotations;

namespace Cms.Api.HttpSecurity;

/// <summary>Browser front ends allowed to call the API from another origin. Section "Cors".</summary>
public sealed class CorsOptions : IValidatableObject
{
    public const string SectionName = "Cors";

    /// <summary>Origins such as <c>https://www.example.org</c>. Default none: only same-origin and non-browser clients.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"))
        {
            yield return new ValidationResult("Cors:AllowedOrigins must be absolute origins such as https://www.example.org.");
        }
    }
}
