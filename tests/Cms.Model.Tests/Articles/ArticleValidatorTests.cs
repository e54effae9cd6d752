using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Outcomes;
using Cms.Model.Tests.Infrastructure;

namespace Cms.Model.Tests.Articles;

public class ArticleValidatorTests
{
    [Fact]
    public void Valid_content_has_no_problems() => Assert.Empty(ArticleValidator.Validate(TestContent.Valid()));

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_field()
    {
        var content = TestContent.Valid() with
        {
            Title = " ",
            Summary = new string('s', ArticleContent.MaxSummaryLength + 1),
            HistoricalDate = HistoricalDate.OnDay(1945, 2, 30),
            Places = [new Place(""), new Place("Athens", Latitude: 95)],
            Tags = ["battles", "%%%", "Battles"],
            KeyFacts = ["fine", ""],
            Sections = [new Section("intro", "Intro", "x"), new Section("intro", "", "y"), new Section("Bad Key", "Ok", "z")],
            Sources = [new Source("Ok", "ftp://example.org/file")],
            Media = [new MediaReference(Guid.Empty, MediaRole.Hero), new MediaReference(Guid.NewGuid(), MediaRole.Hero)],
        };

        var problems = ArticleValidator.Validate(content, new string('n', ArticleValidator.MaxChangeNoteLength + 1));

        Assert.Equal(
            [
                ("title", ValidationCodes.Required),
                ("summary", ValidationCodes.TooLong),
                ("historicalDate.start.day", ValidationCodes.OutOfRange),
                ("places[0].name", ValidationCodes.Required),
                ("places[1].longitude", ValidationCodes.Required),
                ("places[1].latitude", ValidationCodes.OutOfRange),
                ("tags[1]", ValidationCodes.InvalidFormat),
                ("tags[2]", ValidationCodes.Duplicate),
                ("keyFacts[1]", ValidationCodes.Required),
                ("sections[1].key", ValidationCodes.Duplicate),
                ("sections[1].heading", ValidationCodes.Required),
                ("sections[2].key", ValidationCodes.InvalidFormat),
                ("sources[0].url", ValidationCodes.InvalidFormat),
                ("media[0].assetId", ValidationCodes.Required),
                ("media[1].role", ValidationCodes.Duplicate),
                ("changeNote", ValidationCodes.TooLong),
            ],
            problems.Select(p => (p.Field, p.Code)));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Lists_have_upper_bounds()
    {
        var content = TestContent.Valid() with
        {
            KeyFacts = [.. Enumerable.Range(0, ArticleContent.MaxKeyFacts + 1).Select(i => $"Fact {i}")],
            Tags = [.. Enumerable.Range(0, ArticleContent.MaxTags + 1).Select(i => $"tag-{i}")],
        };

        var problems = ArticleValidator.Validate(content);

        Assert.Equal([("tags", ValidationCodes.TooMany), ("keyFacts", ValidationCodes.TooMany)], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Section_bodies_have_a_limit_together_as_well_as_each()
    {
        var longest = new string('a', Section.MaxBodyLength);
        var bodies = ArticleContent.MaxSectionBodiesLength / Section.MaxBodyLength;
        var atLimit = TestContent.Valid() with { Sections = [.. Enumerable.Range(0, bodies).Select(i => new Section($"s{i}", "Heading", longest))] };
        var overLimit = atLimit with { Sections = [.. atLimit.Sections, new Section("one-more", "Heading", "x")] };

        Assert.Empty(ArticleValidator.Validate(atLimit));
        Assert.Equal([("sections", ValidationCodes.TooLong)], ArticleValidator.Validate(overLimit).Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Missing_lists_and_null_entries_are_reported_rather_than_thrown()
    {
        var content = TestContent.Valid() with { Places = null!, Sections = [null!] };

        var problems = ArticleValidator.Validate(content);

        Assert.Equal([("places", ValidationCodes.Required), ("sections[0]", ValidationCodes.Required)], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Slug_problems_name_the_slug_field()
    {
        var problem = Assert.Single(ArticleValidator.ValidateSlug("Not A Slug"));

        Assert.Equal(("slug", ValidationCodes.InvalidFormat), (problem.Field, problem.Code));
    }
}
