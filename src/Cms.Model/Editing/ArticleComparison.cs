using Cms.Model.Articles;

namespace Cms.Model.Editing;

/// <summary>A field-level comparison of two versions, ready for an editor's screen. Unchanged things are left out.</summary>
public sealed record ArticleComparison(
    int From,
    int To,
    IReadOnlyList<FieldChange> Fields,
    ListChange KeyFacts,
    ListChange Tags,
    ListChange Places,
    ListChange Sources,
    ListChange Media,
    IReadOnlyList<SectionChange> Sections)
{
    public static ArticleComparison Between(ArticleVersion from, ArticleVersion to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var (a, b) = (from.ToContent(), to.ToContent());
        var fields = new List<FieldChange>();
        AddIfChanged(fields, "title", a.Title, b.Title);
        AddIfChanged(fields, "summary", a.Summary, b.Summary);
        if (a.HistoricalDate != b.HistoricalDate)
        {
            fields.Add(new FieldChange("historicalDate", a.HistoricalDate.Display, b.HistoricalDate.Display));
        }

        return new ArticleComparison(
            from.Number,
            to.Number,
            fields,
            ListDiff(a.KeyFacts, b.KeyFacts),
            ListDiff(a.Tags, b.Tags),
            ListDiff(a.Places.Select(p => p.Name), b.Places.Select(p => p.Name)),
            ListDiff(a.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>"), b.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>")),
            ListDiff(a.Media.Select(m => $"{m.AssetId} ({m.Role.ToString().ToLowerInvariant()})"), b.Media.Select(m => $"{m.AssetId} ({m.Role.ToString().ToLowerInvariant()})")),
            CompareSections(a.Sections, b.Sections));
    }

    private static void AddIfChanged(List<FieldChange> fields, string name, string oldValue, string newValue)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            fields.Add(new FieldChange(name, oldValue, newValue));
        }
    }

    private static ListChange ListDiff(IEnumerable<string> before, IEnumerable<string> after)
    {
        var (oldItems, newItems) = (before.ToList(), after.ToList());
        return new ListChange([.. newItems.Except(oldItems, StringComparer.Ordinal)], [.. oldItems.Except(newItems, StringComparer.Ordinal)]);
    }

    private static List<SectionChange> CompareSections(IReadOnlyList<Section> before, IReadOnlyList<Section> after)
    {
        var oldByKey = before.Select((s, i) => (Section: s, Index: i)).ToDictionary(x => x.Section.Key, StringComparer.Ordinal);
        var newByKey = after.Select((s, i) => (Section: s, Index: i)).ToDictionary(x => x.Section.Key, StringComparer.Ordinal);

        // "Moved" means the section's place among the sections both versions share changed, not just its index.
        var sharedOld = before.Where(s => newByKey.ContainsKey(s.Key)).Select(s => s.Key).ToList();
        var sharedNew = after.Where(s => oldByKey.ContainsKey(s.Key)).Select(s => s.Key).ToList();
        var changes = new List<SectionChange>();
        foreach (var (section, index) in after.Select((s, i) => (s, i)))
        {
            if (!oldByKey.TryGetValue(section.Key, out var old))
            {
                changes.Add(new SectionChange(section.Key, true, false, false, null, index, null, section.Heading, WordDiff.Compare(null, section.Body)));
                continue;
            }

            var moved = sharedOld.IndexOf(section.Key) != sharedNew.IndexOf(section.Key);
            var headingChanged = !string.Equals(old.Section.Heading, section.Heading, StringComparison.Ordinal);
            var bodyChanged = !string.Equals(old.Section.Body, section.Body, StringComparison.Ordinal);
            if (moved || headingChanged || bodyChanged)
            {
                changes.Add(new SectionChange(section.Key, false, false, moved, old.Index, index, old.Section.Heading, section.Heading,
                    bodyChanged ? WordDiff.Compare(old.Section.Body, section.Body) : []));
            }
        }

        changes.AddRange(before.Where(s => !newByKey.ContainsKey(s.Key)).Select(s =>
            new SectionChange(s.Key, false, true, false, oldByKey[s.Key].Index, null, s.Heading, null, WordDiff.Compare(s.Body, null))));
        return changes;
    }
}
