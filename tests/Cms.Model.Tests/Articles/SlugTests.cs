using Cms.Model.Articles;

namespace Cms.Model.Tests.Articles;

public class SlugTests
{
    [Theory]
    [InlineData("battle-of-marathon")]
    [InlineData("apollo-11")]
    [InlineData("a")]
    [InlineData("1989")]
    public void Lowercase_letters_digits_and_single_inner_hyphens_are_valid(string slug) => Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Battle-of-Marathon")]
    [InlineData("battle of marathon")]
    [InlineData("-marathon")]
    [InlineData("marathon-")]
    [InlineData("battle--marathon")]
    [InlineData("marathón")]
    [InlineData("battle_of_marathon")]
    public void Anything_else_is_invalid(string? slug) => Assert.False(Slug.IsValid(slug));

    [Fact]
    public void The_limit_is_120_characters()
    {
        Assert.True(Slug.IsValid(new string('a', 120)));
        Assert.False(Slug.IsValid(new string('a', 121)));
    }

    [Theory]
    [InlineData("The Fall of the Berlin Wall", "the-fall-of-the-berlin-wall")]
    [InlineData("Apollo 11: Moon landing!", "apollo-11-moon-landing")]
    [InlineData("Peace of Westphalia — Münster & Osnabrück", "peace-of-westphalia-munster-osnabruck")]
    [InlineData("  Leading and trailing  ", "leading-and-trailing")]
    public void A_slug_can_be_suggested_from_a_title(string title, string expected)
    {
        var slug = Slug.FromTitle(title);

        Assert.Equal(expected, slug);
        Assert.True(Slug.IsValid(slug));
    }
}
