namespace Cms.Model.Articles;

/// <summary>A source the article relies on.</summary>
public sealed record Source(string Title, string? Url = null, string? Publisher = null, string? Note = null)
{
    public const int MaxTitleLength = 300;
    public const int MaxUrlLength = 2000;
    public const int MaxPublisherLength = 200;
    public const int MaxNoteLength = 1000;

    public int Position { get; init; }
}
