namespace Cms.Model.Security;

/// <summary>A token just made: the row, and the secret shown once to its maker.</summary>
public sealed record MintedPreviewToken(PreviewToken Token, string Secret);
