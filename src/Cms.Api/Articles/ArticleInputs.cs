using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Media;

namespace Cms.Api.Articles;

// The article mutations' inputs as typed records: GraphQL.NET binds each input object to its record once, after
// validation and coercion, so resolvers read properties, never dictionary keys. Each input graph type in
// ArticleInputGraphTypes.cs declares the same fields.

public sealed record DatePointInput(int Year, int? Month, int? Day)
{
    public DatePoint ToDatePoint() => new(Year, Month, Day);
}

public sealed record HistoricalDateInput(DatePointInput Start, DatePointInput? End, DatePrecision Precision, string? Label)
{
    public HistoricalDate ToHistoricalDate() => new(Start.ToDatePoint(), End?.ToDatePoint(), Precision, Label);
}

public sealed record PlaceInput(string Name, string? Country, double? Latitude, double? Longitude)
{
    public Place ToPlace() => new(Name, Country, Latitude, Longitude);
}

public sealed record SectionInput(string? Key, string Heading, string Body)
{
    /// <summary>A new section's key comes from its heading; the validator reports a clash with another key.</summary>
    public Section ToSection()
    {
        var key = Key;
        if (string.IsNullOrEmpty(key))
        {
            key = Slug.FromTitle(Heading);
            key = key.Length > Section.MaxKeyLength ? key[..Section.MaxKeyLength].TrimEnd('-') : key;
        }

        return new Section(key, Heading, Body);
    }
}

public sealed record SourceInput(string Title, string? Url, string? Publisher, string? Note)
{
    public Source ToSource() => new(Title, Url, Publisher, Note);
}

public sealed record MediaReferenceInput(string AssetId, MediaRole Role, string? CaptionOverride, FocalPointInput? FocalPointOverride)
{
    /// <summary>
    /// The asset's global id (or its bare GUID, as <c>assetId</c> shows it); anything else becomes the empty id, which the
    /// validator reports.
    /// </summary>
    public MediaReference ToMediaReference() =>
        new(GlobalId.KeyOf(AssetId, "MediaAsset") ?? Guid.Empty, Role, CaptionOverride) { FocalPointOverride = FocalPointOverride?.ToFocalPoint() };
}

/// <summary>The content fields shared by create and update; on update, a field left out (null) keeps its value.</summary>
public abstract record ArticleContentInput
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public HistoricalDateInput? HistoricalDate { get; init; }

    public IReadOnlyList<PlaceInput>? Places { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<string>? KeyFacts { get; init; }

    public IReadOnlyList<SectionInput>? Sections { get; init; }

    public IReadOnlyList<SourceInput>? Sources { get; init; }

    public IReadOnlyList<MediaReferenceInput>? Media { get; init; }

    public string? ChangeNote { get; init; }

    public ArticleChanges ToChanges() => new()
    {
        Title = Title,
        Summary = Summary,
        HistoricalDate = HistoricalDate?.ToHistoricalDate(),
        Places = Places?.Select(p => p.ToPlace()).ToList(),
        Tags = Tags?.ToList(),
        KeyFacts = KeyFacts?.ToList(),
        Sections = Sections?.Select(s => s.ToSection()).ToList(),
        Sources = Sources?.Select(s => s.ToSource()).ToList(),
        Media = Media?.Select(m => m.ToMediaReference()).ToList(),
    };
}

public sealed record CreateArticleInput : ArticleContentInput
{
    public string? Slug { get; init; }
}

/// <summary>An input that names the article its command acts on.</summary>
public interface IArticleTarget
{
    /// <summary>The article's global id (or bare GUID).</summary>
    string Id { get; }
}

public sealed record UpdateArticleInput(string Id, int ExpectedVersion) : ArticleContentInput, IArticleTarget;

/// <summary>The input of a command on one article: its id, and for some commands more.</summary>
public record ArticleCommandInput(string Id) : IArticleTarget;

public sealed record ChangeSlugInput(string Id, string Slug) : ArticleCommandInput(Id);

public sealed record PublishArticleInput(string Id, int? Version) : ArticleCommandInput(Id);

public sealed record RestoreArticleVersionInput(string Id, int Version, int ExpectedVersion) : ArticleCommandInput(Id);

public sealed record SchedulePublicationInput(string Id, int? Version, DateTime At) : ArticleCommandInput(Id);
