using Cms.Model.Articles;
using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence;

/// <summary>
/// Reads versions with their lists in at most three statements whatever their number: the version rows, then every
/// short list (places, tags, key facts, sources, media) in one UNION ALL, then the sections (long bodies, read only when
/// asked for). EF Core's split includes would take one statement per list, seven for a full version.
/// </summary>
public static class VersionContentLoader
{
    /// <summary>The versions <paramref name="versions"/> selects, with the lists in <paramref name="parts"/> filled in.</summary>
    public static async Task<List<ArticleVersion>> ToListWithContentAsync(this IQueryable<ArticleVersion> versions, CmsDbContext db, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var loaded = await versions.AsNoTracking().ToListAsync(cancellationToken);
        await FillAsync(db, loaded, parts, cancellationToken);
        return loaded;
    }

    /// <summary>Fills in the lists in <paramref name="parts"/> of versions read without them (at most two statements).</summary>
    public static async Task FillAsync(CmsDbContext db, IReadOnlyCollection<ArticleVersion> versions, VersionParts parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0 || parts == VersionParts.None)
        {
            return;
        }

        var ids = versions.Select(v => v.Id).ToList();
        var rows = ShortListRows(db, ids, parts) is { } query ? await query.ToListAsync(cancellationToken) : [];
        var sections = parts.HasFlag(VersionParts.Sections) ? await SectionsOf(db, ids).ToListAsync(cancellationToken) : [];

        var rowsByVersion = rows.ToLookup(r => r.VersionId);
        var sectionsByVersion = sections.ToLookup(s => s.VersionId, s => s.Section);
        foreach (var version in versions)
        {
            var own = rowsByVersion[version.Id].OrderBy(r => r.Position).ToList();
            version.Fill(
                [.. own.Where(r => r.Kind == ListKind.Place).Select(r => new Place(r.Text1!, r.Text2, r.Number1, r.Number2) { Position = r.Position })],
                [.. own.Where(r => r.Kind == ListKind.Tag).Select(r => new Tag(r.Text1!, r.Text2!) { Position = r.Position })],
                [.. own.Where(r => r.Kind == ListKind.KeyFact).Select(r => new KeyFact(r.Text1!) { Position = r.Position })],
                [.. sectionsByVersion[version.Id].OrderBy(s => s.Position)],
                [.. own.Where(r => r.Kind == ListKind.Source).Select(r => new Source(r.Text1!, r.Text2, r.Text3, r.Text4) { Position = r.Position })],
                [.. own.Where(r => r.Kind == ListKind.Media).Select(r => new MediaReference(r.AssetId!.Value, r.Role!.Value, r.Text1) { Position = r.Position, FocalX = r.Number1, FocalY = r.Number2 })]);
        }
    }

    /// <summary>The statement that reads the sections of the given versions, each with its version's id.</summary>
    public static IQueryable<SectionRow> SectionsOf(CmsDbContext db, IReadOnlyCollection<Guid> versionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Section>().AsNoTracking()
            .Where(s => versionIds.Contains(EF.Property<Guid>(s, VersionChildKey)))
            .Select(s => new SectionRow(EF.Property<Guid>(s, VersionChildKey), s));
    }

    /// <summary>The one statement that reads every short list of the given versions (null when none is asked for).</summary>
    public static IQueryable<ListRow>? ShortListRows(CmsDbContext db, IReadOnlyCollection<Guid> versionIds, VersionParts parts)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<ListRow>? rows = null;
        void Add(IQueryable<ListRow> more) => rows = rows is null ? more : rows.Concat(more);

        // Media first: a UNION ALL takes each column's type from its first statement, and the role is stored by name
        // (ConfigureConventions); after a branch whose role is a bare NULL, the names were read as numbers, all 0 (Hero).
        if (parts.HasFlag(VersionParts.Media))
        {
            Add(db.Set<MediaReference>().AsNoTracking().Where(m => versionIds.Contains(EF.Property<Guid>(m, VersionChildKey))).Select(m => new ListRow
            {
                Kind = ListKind.Media,
                VersionId = EF.Property<Guid>(m, VersionChildKey),
                Position = m.Position,
                Text1 = m.CaptionOverride,
                Text2 = null,
                Text3 = null,
                Text4 = null,
                Number1 = m.FocalX,
                Number2 = m.FocalY,
                AssetId = m.AssetId,
                Role = m.Role,
            }));
        }

        if (parts.HasFlag(VersionParts.Places))
        {
            Add(db.Set<Place>().AsNoTracking().Where(p => versionIds.Contains(EF.Property<Guid>(p, VersionChildKey))).Select(p => new ListRow
            {
                Kind = ListKind.Place,
                VersionId = EF.Property<Guid>(p, VersionChildKey),
                Position = p.Position,
                Text1 = p.Name,
                Text2 = p.Country,
                Text3 = null,
                Text4 = null,
                Number1 = p.Latitude,
                Number2 = p.Longitude,
                AssetId = null,
                Role = null,
            }));
        }

        if (parts.HasFlag(VersionParts.Tags))
        {
            Add(db.Set<Tag>().AsNoTracking().Where(t => versionIds.Contains(EF.Property<Guid>(t, VersionChildKey))).Select(t => new ListRow
            {
                Kind = ListKind.Tag,
                VersionId = EF.Property<Guid>(t, VersionChildKey),
                Position = t.Position,
                Text1 = t.Slug,
                Text2 = t.Label,
                Text3 = null,
                Text4 = null,
                Number1 = null,
                Number2 = null,
                AssetId = null,
                Role = null,
            }));
        }

        if (parts.HasFlag(VersionParts.KeyFacts))
        {
            Add(db.Set<KeyFact>().AsNoTracking().Where(f => versionIds.Contains(EF.Property<Guid>(f, VersionChildKey))).Select(f => new ListRow
            {
                Kind = ListKind.KeyFact,
                VersionId = EF.Property<Guid>(f, VersionChildKey),
                Position = f.Position,
                Text1 = f.Text,
                Text2 = null,
                Text3 = null,
                Text4 = null,
                Number1 = null,
                Number2 = null,
                AssetId = null,
                Role = null,
            }));
        }

        if (parts.HasFlag(VersionParts.Sources))
        {
            Add(db.Set<Source>().AsNoTracking().Where(s => versionIds.Contains(EF.Property<Guid>(s, VersionChildKey))).Select(s => new ListRow
            {
                Kind = ListKind.Source,
                VersionId = EF.Property<Guid>(s, VersionChildKey),
                Position = s.Position,
                Text1 = s.Title,
                Text2 = s.Url,
                Text3 = s.Publisher,
                Text4 = s.Note,
                Number1 = null,
                Number2 = null,
                AssetId = null,
                Role = null,
            }));
        }

        return rows;
    }

    internal const string VersionChildKey = "VersionId";

    /// <summary>A section and the version it belongs to.</summary>
    public sealed record SectionRow(Guid VersionId, Section Section);

    /// <summary>Which list a row of the union belongs to.</summary>
    public enum ListKind
    {
        Place = 1,
        Tag = 2,
        KeyFact = 3,
        Source = 4,
        Media = 5,
    }

    /// <summary>A row of any short list, in the columns they share by position.</summary>
    public sealed class ListRow
    {
        public ListKind Kind { get; init; }

        public Guid VersionId { get; init; }

        public int Position { get; init; }

        public string? Text1 { get; init; }

        public string? Text2 { get; init; }

        public string? Text3 { get; init; }

        public string? Text4 { get; init; }

        public double? Number1 { get; init; }

        public double? Number2 { get; init; }

        public Guid? AssetId { get; init; }

        public MediaRole? Role { get; init; }
    }
}
