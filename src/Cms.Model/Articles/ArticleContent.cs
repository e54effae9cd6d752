using Cms.Model.Dates;

namespace Cms.Model.Articles;

/// <summary>
/// Everything an editor writes in one version of an article, as an immutable snapshot. List order is the
/// order readers see; positions are assigned from it when a version is written.
/// </summary>
public sealed record ArticleContent(
    string Title,
    string Summary,
    HistoricalDate HistoricalDate,
    IReadOnlyList<Place> Places,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> KeyFacts,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<MediaReference> Media)
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 1000;
    public const int MaxPlaces = 20;
    public const int MaxTags = 20;
    public const int MaxKeyFacts = 12;
    public const int MaxSections = 100;

    /// <summary>
    /// Most characters in all section bodies together: a long chapter, and small enough that a whole article fits in
    /// one request's variables (GraphQL:Limits:MaxVariablesBytes) even when a client escapes every character as six bytes.
    /// </summary>
    public const int MaxSectionBodiesLength = 300_000;
    public const int MaxSources = 50;
    public const int MaxMedia = 50;
}
