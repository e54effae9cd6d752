using Cms.Model.Articles;
using Markdig;

namespace Cms.Model.Search;

/// <summary>
/// The searchable text of one published article, kept in step with its publication in the same transaction. The
/// full-text index of each provider (an FTS5 table kept by triggers on SQLite, a full-text index on SQL Server) is built
/// over these rows; the integer key is what both index by.
/// </summary>
public sealed class SearchDocument
{
    private SearchDocument()
    {
    }

    public long Id { get; private set; }

    public Guid ArticleId { get; private set; }

    /// <summary>The published version the text was taken from.</summary>
    public Guid VersionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Summary { get; private set; } = string.Empty;

    /// <summary>Key facts, then each section's heading and text, as plain text (Markdown removed), one per line.</summary>
    public string Body { get; private set; } = string.Empty;

    internal static SearchDocument For(ArticleVersion version)
    {
        var document = new SearchDocument { ArticleId = version.ArticleId };
        document.Take(version);
        return document;
    }

    /// <summary>Takes the text of <paramref name="version"/>, which must have its key facts and sections loaded.</summary>
    internal void Take(ArticleVersion version)
    {
        VersionId = version.Id;
        Title = version.Title;
        Summary = version.Summary;
        var lines = version.KeyFacts.Select(f => f.Text)
            .Concat(version.Sections.SelectMany(s => new[] { s.Heading, Markdown.ToPlainText(s.Body).Trim() }));
        Body = string.Join('\n', lines);
    }
}
