namespace Cms.Model.Articles;

/// <summary>An ordered place where an event happened.</summary>
public sealed record Place(string Name, string? Country = null, double? Latitude = null, double? Longitude = null)
{
    public const int MaxNameLength = 200;
    public const int MaxCountryLength = 100;

    public int Position { get; init; }
}

/// <summary>A source the article relies on.</summary>
public sealed record Source(string Title, string? Url = null, string? Publisher = null, string? Note = null)
{
    public const int MaxTitleLength = 300;
    public const int MaxUrlLength = 2000;
    public const int MaxPublisherLength = 200;
    public const int MaxNoteLength = 1000;

    public int Position { get; init; }
}

/// <summary>
/// A section of the article body. <see cref="Key"/> stays the same across versions, so that two versions
/// can be compared section by section even when headings change or sections move.
/// </summary>
public sealed record Section(string Key, string Heading, string Body)
{
    public const int MaxKeyLength = 60;
    public const int MaxHeadingLength = 200;
    public const int MaxBodyLength = 100_000;

    public int Position { get; init; }
}

/// <summary>A short line stating one key fact, such as "Casualties: about 6,400 Persians and 192 Athenians".</summary>
public sealed record KeyFact(string Text)
{
    public const int MaxLength = 280;

    public int Position { get; init; }
}

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
