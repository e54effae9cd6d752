namespace Cms.Model.Security;

/// <summary>What a valid preview token lets its bearer read.</summary>
public sealed record PreviewGrant(Guid TokenId, Guid ArticleId, int? VersionNumber);
