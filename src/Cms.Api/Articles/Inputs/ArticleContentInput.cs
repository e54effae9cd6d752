using Cms.Model.Articles;
using Cms.Model.Taxonomy;
using GraphQL.Types;

namespace Cms.Api.Articles;

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

/// <summary>The content fields shared by create and update; on update, an omitted field keeps its value.</summary>
public abstract class ArticleContentInputGraphType<TInput> : InputObjectGraphType<TInput>
    where TInput : ArticleContentInput
{
    protected void AddContentFields(bool required)
    {
        if (required)
        {
            Field<NonNullGraphType<StringGraphType>>("title");
            Field<NonNullGraphType<StringGraphType>>("summary").Description("The lead paragraph.");
            Field<NonNullGraphType<HistoricalDateInputGraphType>>("historicalDate");
        }
        else
        {
            Field<StringGraphType>("title");
            Field<StringGraphType>("summary").Description("The lead paragraph.");
            Field<HistoricalDateInputGraphType>("historicalDate");
        }

        Field<ListGraphType<NonNullGraphType<PlaceInputGraphType>>>("places");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description($"Labels as readers should see them, such as \"World War II\" (up to {Tag.MaxLabelLength} characters, any script); each one's slug is derived, and two labels with one slug are one tag.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("keyFacts");
        Field<ListGraphType<NonNullGraphType<SectionInputGraphType>>>("sections").Description("The whole list in reading order: add, edit, move or remove sections by sending the list you want.");
        Field<ListGraphType<NonNullGraphType<SourceInputGraphType>>>("sources");
        Field<ListGraphType<NonNullGraphType<MediaReferenceInputGraphType>>>("media");
        Field<StringGraphType>("changeNote").Description("What this version changes, shown in the history.");
    }
}
