namespace Cms.Model.Taxonomy;

/// <summary>
/// A tag on one version: the <see cref="Label"/> as the editor typed it ("World War II") and the <see cref="Slug"/>
/// derived from it (<c>world-war-ii</c>) that front ends filter and link by. Two labels with one slug are one tag.
/// </summary>
public sealed record Tag(string Slug, string Label)
{
    public const int MaxLabelLength = 60;

    /// <summary>Slugs keep every letter of the label, so one is at most as long as its label.</summary>
    public const int MaxSlugLength = MaxLabelLength;

    public int Position { get; init; }

    /// <summary>The tag a typed label stands for: the label with its spaces tidied, and its slug.</summary>
    public static Tag FromLabel(string label)
    {
        var tidy = TagSlug.TidyLabel(label);
        return new Tag(TagSlug.From(tidy), tidy);
    }
}
