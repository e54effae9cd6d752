using System.ComponentModel.DataAnnotations;

namespace Cms.Api.HttpSecurity;

/// <summary>JWT bearer tokens, for example from Microsoft Entra ID. Off until <see cref="Authority"/> is set.</summary>
public sealed class JwtOptions : IValidatableObject
{
    /// <summary>The OpenID Connect authority (issuer), e.g. <c>https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for, e.g. the API's application id URI <c>api://cms-api</c> or its client id.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim that carries role names (viewer, editor, publisher, admin). Default <c>roles</c>, as Entra ID app roles use.</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Fetch the authority's metadata over HTTPS only. Default true; turn off only for a local test issuer.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && string.IsNullOrWhiteSpace(Audience))
        {
            yield return new ValidationResult("Auth:Jwt:Audience is required when Auth:Jwt:Authority is set.");
        }

        if (IsEnabled && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Auth:Jwt:Authority must be an absolute URL.");
        }
    }
}
