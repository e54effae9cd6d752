using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

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

public sealed class SectionInputGraphType : InputObjectGraphType<SectionInput>
{
    public SectionInputGraphType()
    {
        Name = "SectionInput";
        Field<StringGraphType>("key").Description("Keep a section's key when editing it, so versions compare section by section; a new section gets one from its heading when omitted.");
        Field<NonNullGraphType<StringGraphType>>("heading");
        Field<NonNullGraphType<StringGraphType>>("body").Description("Markdown, stored as written.");
    }
}
