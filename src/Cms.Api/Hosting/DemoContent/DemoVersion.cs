using Cms.Model.Articles;
using Cms.Model.Dates;

namespace Cms.Api.Hosting.DemoContent;

internal sealed record DemoVersion(
    string? ChangeNote,
    string? Title,
    string? Summary,
    HistoricalDate? HistoricalDate,
    IReadOnlyList<Place>? Places,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? KeyFacts,
    IReadOnlyList<Section>? Sections,
    IReadOnlyList<Source>? Sources,
    IReadOnlyList<MediaReference>? Media)
{
    public ArticleChanges ToChanges() => new()
    {
        Title = Title,
        Summary = Summary,
        HistoricalDate = HistoricalDate,
        Places = Places,
        Tags = Tags,
        KeyFacts = KeyFacts,
        Sections = Sections,
        Sources = Sources,
        Media = Media,
    };
}
