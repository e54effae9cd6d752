using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence;

public static class ArticleQueryExtensions
{
    /// <summary>Loads every list of a version in position order, one statement per list (no cartesian explosion).</summary>
    public static IQueryable<ArticleVersion> WithAllContent(this IQueryable<ArticleVersion> versions) =>
        versions.WithContent(VersionParts.All);

    /// <summary>Loads only the lists a reader asked for: section bodies are large and most lists go unselected.</summary>
    public static IQueryable<ArticleVersion> WithContent(this IQueryable<ArticleVersion> versions, VersionParts parts)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (parts.HasFlag(VersionParts.Places))
        {
            versions = versions.Include(v => v.Places.OrderBy(p => p.Position));
        }

        if (parts.HasFlag(VersionParts.Tags))
        {
            versions = versions.Include(v => v.Tags.OrderBy(t => t.Position));
        }

        if (parts.HasFlag(VersionParts.KeyFacts))
        {
            versions = versions.Include(v => v.KeyFacts.OrderBy(f => f.Position));
        }

        if (parts.HasFlag(VersionParts.Sections))
        {
            versions = versions.Include(v => v.Sections.OrderBy(s => s.Position));
        }

        if (parts.HasFlag(VersionParts.Sources))
        {
            versions = versions.Include(v => v.Sources.OrderBy(s => s.Position));
        }

        if (parts.HasFlag(VersionParts.Media))
        {
            versions = versions.Include(v => v.Media.OrderBy(m => m.Position));
        }

        return versions.AsSplitQuery();
    }
}

/// <summary>The lists of a version that a read loads; the version row itself is always read.</summary>
[Flags]
public enum VersionParts
{
    None = 0,
    Places = 1,
    Tags = 2,
    KeyFacts = 4,
    Sections = 8,
    Sources = 16,
    Media = 32,
    All = Places | Tags | KeyFacts | Sections | Sources | Media,
}
