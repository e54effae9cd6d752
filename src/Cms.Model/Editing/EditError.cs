namespace Cms.Model.Editing;

/// <summary>
/// Why an editorial command did not happen. Each kind has a stable code; the API turns them into typed
/// errors. Nothing is written when a command returns any of these.
/// </summary>
public abstract record EditError(string Code, string Message);

public sealed record SlugTakenError(string Slug)
    : EditError("SLUG_TAKEN", $"Another article already uses the slug '{Slug}'.");

public sealed record VersionConflictError(int ExpectedVersion, int CurrentVersion)
    : EditError("VERSION_CONFLICT", $"The article has changed: the change was based on version {ExpectedVersion}, but the latest version is {CurrentVersion}.");

public sealed record NotFoundError(string Entity, string Key)
    : EditError("NOT_FOUND", $"{Entity} '{Key}' does not exist.");

public sealed record InvalidStateError(string Detail)
    : EditError("INVALID_STATE", Detail);

/// <summary>An article or asset that uses a media asset, by its id and slug.</summary>
public sealed record MediaUsage(Guid ArticleId, string Slug, IReadOnlyList<int> VersionNumbers);

public sealed record AssetInUseError(Guid AssetId, IReadOnlyList<MediaUsage> Articles)
    : EditError("ASSET_IN_USE", $"The asset is used by {Articles.Count} article(s) ({string.Join(", ", Articles.Select(a => a.Slug))}); remove it from every version first, or purge those articles.");

public sealed record AltTextRequiredError(IReadOnlyList<Guid> AssetIds)
    : EditError("ALT_TEXT_REQUIRED", $"Images need alt text before a version that uses them is published: {string.Join(", ", AssetIds)}.");
