using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Tests.Infrastructure;

namespace Cms.Model.Tests.Editing;

public class ComparisonTests
{
    [Fact]
    public void A_word_diff_marks_insertions_and_deletions_and_keeps_the_text_whole()
    {
        var diff = WordDiff.Compare("The Greeks advanced at a run.", "The Athenians advanced quickly at a run.");

        Assert.Equal(
            [(DiffKind.Unchanged, "The "), (DiffKind.Deleted, "Greeks "), (DiffKind.Inserted, "Athenians "), (DiffKind.Unchanged, "advanced "), (DiffKind.Inserted, "quickly "), (DiffKind.Unchanged, "at a run.")],
            diff.Select(s => (s.Kind, s.Text)));
        Assert.Equal("The Greeks advanced at a run.", string.Concat(diff.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal("The Athenians advanced quickly at a run.", string.Concat(diff.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Identical_texts_are_one_unchanged_segment_and_huge_rewrites_do_not_blow_up()
    {
        Assert.Equal([new DiffSegment(DiffKind.Unchanged, "same words")], WordDiff.Compare("same words", "same words"));

        var before = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"a{i}"));
        var after = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"b{i}"));
        var diff = WordDiff.Compare(before, after);

        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], diff.Select(s => s.Kind));
    }

    [Fact]
    public void Versions_compare_field_by_field_and_section_by_key()
    {
        var content = TestContent.Valid(sections: 3);
        var changed = content with
        {
            Title = "Marathon",
            Tags = ["battles", "persian-wars"],
            KeyFacts = [.. content.KeyFacts, "New fact"],
            Sections =
            [
                content.Sections[2],
                content.Sections[0] with { Body = "Body of the first section." },
                new Section("new-one", "New", "Fresh text."),
            ],
        };
        var (v1, v2) = (ArticleVersion.Write(Guid.NewGuid(), 1, content, "a", DateTime.UtcNow, null), ArticleVersion.Write(Guid.NewGuid(), 2, changed, "b", DateTime.UtcNow, null));

        var comparison = ArticleComparison.Between(v1, v2);

        Assert.Equal([new FieldChange("title", "The Battle of Marathon", "Marathon")], comparison.Fields);
        Assert.Equal(["persian-wars"], comparison.Tags.Added);
        Assert.Equal(["ancient-greece"], comparison.Tags.Removed);
        Assert.Equal(["New fact"], comparison.KeyFacts.Added);
        Assert.True(comparison.Places.IsEmpty);
        var sections = comparison.Sections.ToDictionary(s => s.Key);
        Assert.True(sections["section-2"].Moved && !sections["section-2"].BodyChanged);
        Assert.True(sections["section-0"].BodyChanged);
        Assert.True(sections["new-one"].Added);
        Assert.True(sections["section-1"].Removed);
        Assert.Equal(4, comparison.Sections.Count);
    }
}
