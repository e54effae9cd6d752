namespace Cms.Api.Studio;

/// <summary>Where the studio signs editors in with MSAL: the authority, the studio's client id and the API scopes to ask for.</summary>
public sealed record StudioClientSignIn(string Authority, string ClientId, IReadOnlyList<string> Scopes);
