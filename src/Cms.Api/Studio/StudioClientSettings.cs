using System.Text.Json.Serialization;

namespace Cms.Api.Studio;

/// <summary>What the studio reads from <c>/studio/settings.json</c> at start: the preview page's URL template and, when configured, organisation sign-in.</summary>
public sealed record StudioClientSettings(
    string PreviewUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StudioClientSignIn? SignIn)
{
    public static StudioClientSettings From(StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signIn = options.SignIn;
        return new(options.PreviewUrl, signIn.IsEnabled ? new StudioClientSignIn(signIn.Authority!, signIn.ClientId!, signIn.Scopes) : null);
    }
}
