namespace Cms.Model.Articles;

/// <summary>A short line stating one key fact, such as "Casualties: about 6,400 Persians and 192 Athenians".</summary>
public sealed record KeyFact(string Text)
{
    public const int MaxLength = 280;

    public int Position { get; init; }
}
