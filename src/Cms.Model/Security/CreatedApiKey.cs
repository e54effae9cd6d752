namespace Cms.Model.Security;

/// <summary>A key just made, with its secret: the only time the secret exists in plain text.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
