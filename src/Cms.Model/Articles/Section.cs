namespace Cms.Model.Articles;

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
