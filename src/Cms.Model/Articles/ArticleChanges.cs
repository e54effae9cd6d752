using Cms.Model.Dates;

namespace Cms.Model.Articles;

/// <summary>
/// A change to an article's content: every property left null is carried over unchanged from the version
/// the change is based on. Lists are replaced whole, so sections can be added, edited, moved or removed.
/// </summary>
public sealed record ArticleChanges
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public HistoricalDate? HistoricalDate { get; init; }

    public IReadOnlyList<Place>? Places { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<string>? KeyFacts { get; init; }

    public IReadOnlyList<Section>? Sections { get; init; }

    public IReadOnlyList<Source>? Sources { get; init; }

    public IReadOnlyList<MediaReference>? Media { get; init; }

    /// <summary>Changes that turn any version into <paramref name="content"/>: every field is replaced.</summary>
    public static ArticleChanges ReplacingWith(ArticleContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ArticleChanges
        {
            Title = content.Title,
            Summary = content.Summary,
            HistoricalDate = content.HistoricalDate,
            Places = content.Places,
            Tags = content.Tags,
            KeyFacts = content.KeyFacts,
            Sections = content.Sections,
            Sources = content.Sources,
            Media = content.Media,
        };
    }

    /// <summary>
    /// The content of a first version: what the changes leave out is empty (a missing title, summary or date is
    /// then reported by the validator, not thrown).
    /// </summary>
    public ArticleContent ToNewContent() => new(
        Title ?? string.Empty,
        Summary ?? string.Empty,
        HistoricalDate!,
        Places ?? [],
        Tags ?? [],
        KeyFacts ?? [],
        Sections ?? [],
        Sources ?? [],
        Media ?? []);

    public ArticleContent ApplyTo(ArticleContent current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ArticleContent(
            Title ?? current.Title,
            Summary ?? current.Summary,
            HistoricalDate ?? current.HistoricalDate,
            Places ?? current.Places,
            Tags ?? current.Tags,
            KeyFacts ?? current.KeyFacts,
            Sections ?? current.Sections,
            Sources ?? current.Sources,
            Media ?? current.Media);
    }
}
