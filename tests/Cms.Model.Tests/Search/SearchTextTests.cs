using Cms.Model.Search;

namespace Cms.Model.Tests.Search;

/// <summary>How search text becomes terms and each provider's query, and how snippets are cut, escaped and highlighted.</summary>
public sealed class SearchTextTests
{
    [Fact]
    public void Terms_are_the_runs_of_letters_and_digits_of_any_script_lowercased()
    {
        Assert.Equal(["world", "war", "ii", "1944"], ArticleSearch.Terms("World-War II, 1944!"));
        Assert.Equal(["великая", "война"], ArticleSearch.Terms("  Великая  война "));
        Assert.Equal(["near", "x", "and", "giza"], ArticleSearch.Terms("\"NEAR(x\" AND -giza*"));
        Assert.Empty(ArticleSearch.Terms(" -*\" "));
    }

    [Fact]
    public void Provider_queries_quote_every_term_and_make_only_the_last_a_prefix()
    {
        Assert.Equal("\"persian\" \"mara\"*", ArticleSearch.SqliteMatch(["persian", "mara"]));
        Assert.Equal("\"persian\" AND \"mara*\"", ArticleSearch.SqlServerCondition(["persian", "mara"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("?!")]
    [InlineData("a b c d e f g h i j k")]
    public void Text_without_words_or_with_too_many_is_a_problem(string text) => Assert.NotNull(ArticleSearch.Problem(text));

    [Fact]
    public void Text_over_the_maximum_length_is_a_problem() =>
        Assert.NotNull(ArticleSearch.Problem(new string('x', ArticleSearch.MaxTextLength + 1)));

    [Fact]
    public void A_snippet_is_a_window_around_the_first_match_escaped_with_matches_marked()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"w{i}"));
        var document = Document(summary: "Nothing here.", body: $"{words} <b>Orléans</b> & more {words}");

        var snippet = SearchSnippet.Of(document, ["orleans"]);

        Assert.StartsWith("…w54 w55", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;<mark>Orléans</mark>&lt;/b&gt; &amp; more", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_in_the_title_only_shows_the_start_of_the_summary()
    {
        var snippet = SearchSnippet.Of(Document(summary: "\"Quoted\" start of the summary.", body: "Body."), ["zanzibar"]);

        Assert.Equal("&quot;Quoted&quot; start of the summary.", snippet);
    }

    [Fact]
    public void Prefixes_match_the_words_they_start_and_case_is_ignored()
    {
        var snippet = SearchSnippet.Of(Document(summary: "The Pyramids of Giza and a pyramidion.", body: ""), ["pyramid"]);

        Assert.Equal("The <mark>Pyramids</mark> of Giza and a <mark>pyramidion</mark>.", snippet);
    }

    private static SearchDocument Document(string summary, string body)
    {
        var version = Infrastructure.TestContent.VersionWith(summary, body);
        return SearchDocument.For(version);
    }
}
