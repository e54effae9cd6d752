using Cms.Model.Dates;
using Cms.Model.Taxonomy;

namespace Cms.Model.Articles;

/// <summary>
/// One numbered, immutable version of an article. Nothing here changes after it is written: a save makes
/// a new version from this one plus the changes (copy on write), so every earlier version stays as it was.
/// </summary>
public sealed class ArticleVersion
{
    private readonly List<Place> _places = [];
    private readonly List<Tag> _tags = [];
    private readonly List<KeyFact> _keyFacts = [];
    private readonly List<Section> _sections = [];
    private readonly List<Source> _sources = [];
    private readonly List<MediaReference> _media = [];

    private ArticleVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid ArticleId { get; private set; }

    /// <summary>1, 2, 3… in the order saved, with no gaps.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Summary { get; private set; } = string.Empty;

    public HistoricalDate HistoricalDate => new(
        new DatePoint(DateStartYear, DateStartMonth, DateStartDay),
        DateEndYear is { } endYear ? new DatePoint(endYear, DateEndMonth, DateEndDay) : null,
        DatePrecision,
        DateLabel);

    /// <summary>Stored copy of <see cref="HistoricalDate.SortKey"/>, indexed so that articles sort and filter by when the event happened.</summary>
    public long DateSortKey { get; private set; }

    /// <summary>Stored copy of <see cref="HistoricalDate.EndKey"/>, for range filters.</summary>
    public long DateEndKey { get; private set; }

    public string Author { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public string? ChangeNote { get; private set; }

    public IReadOnlyList<Place> Places => _places;

    public IReadOnlyList<Tag> Tags => _tags;

    public IReadOnlyList<KeyFact> KeyFacts => _keyFacts;

    public IReadOnlyList<Section> Sections => _sections;

    public IReadOnlyList<Source> Sources => _sources;

    public IReadOnlyList<MediaReference> Media => _media;

    // The date's parts are columns of the version row: both providers store and index plain integers alike.
    internal int DateStartYear { get; private set; }

    internal int? DateStartMonth { get; private set; }

    internal int? DateStartDay { get; private set; }

    internal int? DateEndYear { get; private set; }

    internal int? DateEndMonth { get; private set; }

    internal int? DateEndDay { get; private set; }

    internal DatePrecision DatePrecision { get; private set; }

    internal string? DateLabel { get; private set; }

    /// <summary>The content of this version. Needs every collection loaded, as the editor does before a save.</summary>
    public ArticleContent ToContent() => new(
        Title,
        Summary,
        HistoricalDate,
        _places,
        [.. _tags.Select(t => t.Label)],
        [.. _keyFacts.Select(f => f.Text)],
        _sections,
        _sources,
        _media);

    /// <summary>Sets the lists of a version read without them (see <c>VersionContentLoader</c>); each list in position order.</summary>
    internal void Fill(List<Place> places, List<Tag> tags, List<KeyFact> keyFacts, List<Section> sections, List<Source> sources, List<MediaReference> media)
    {
        _places.Clear();
        _tags.Clear();
        _keyFacts.Clear();
        _sections.Clear();
        _sources.Clear();
        _media.Clear();
        _places.AddRange(places);
        _tags.AddRange(tags);
        _keyFacts.AddRange(keyFacts);
        _sections.AddRange(sections);
        _sources.AddRange(sources);
        _media.AddRange(media);
    }

    internal static ArticleVersion Write(Guid articleId, int number, ArticleContent content, string author, DateTime createdAt, string? changeNote)
    {
        var date = content.HistoricalDate;
        var version = new ArticleVersion
        {
            Id = Guid.CreateVersion7(createdAt),
            ArticleId = articleId,
            Number = number,
            Title = content.Title.Trim(),
            Summary = content.Summary.Trim(),
            DateStartYear = date.Start.Year,
            DateStartMonth = date.Start.Month,
            DateStartDay = date.Start.Day,
            DateEndYear = date.End?.Year,
            DateEndMonth = date.End?.Month,
            DateEndDay = date.End?.Day,
            DatePrecision = date.Precision,
            DateLabel = string.IsNullOrWhiteSpace(date.Label) ? null : date.Label.Trim(),
            DateSortKey = date.SortKey,
            DateEndKey = date.EndKey,
            Author = author,
            CreatedAt = createdAt,
            ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim(),
        };

        // Fresh copies with their positions: rows are never shared between versions, so no version can change another.
        version._places.AddRange(content.Places.Select((p, i) => p with { Name = p.Name.Trim(), Country = p.Country?.Trim(), Position = i }));
        version._tags.AddRange(content.Tags.Select((label, i) => Tag.FromLabel(label) with { Position = i }));
        version._keyFacts.AddRange(content.KeyFacts.Select((f, i) => new KeyFact(f.Trim()) { Position = i }));
        version._sections.AddRange(content.Sections.Select((s, i) => s with { Heading = s.Heading.Trim(), Position = i }));
        version._sources.AddRange(content.Sources.Select((s, i) => s with { Title = s.Title.Trim(), Position = i }));
        version._media.AddRange(content.Media.Select((m, i) => m with { Position = i }));
        return version;
    }
}
