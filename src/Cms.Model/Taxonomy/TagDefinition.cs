namespace Cms.Model.Taxonomy;

/// <summary>
/// The registry of tags across articles: one row per slug, made the first time any version uses it. Its label (the
/// first one given) is how tag lists name the tag; each version keeps the label its editor typed.
/// </summary>
public sealed class TagDefinition
{
    private TagDefinition()
    {
    }

    public string Slug { get; private set; } = string.Empty;

    public string Label { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    internal static TagDefinition From(Tag tag, DateTime now) => new() { Slug = tag.Slug, Label = tag.Label, CreatedAt = now };
}
