using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Media;

namespace Cms.Model.Tests.Infrastructure;

internal static class TestContent
{
    /// <summary>The hero image <see cref="Valid"/> uses; every <see cref="TestDatabase"/> holds it (with alt text).</summary>
    public static readonly Guid HeroAssetId = Guid.Parse("6f1d8c2e-9a4b-4c3d-8e2f-1a2b3c4d5e6f");

    public static MediaAsset Asset(Guid id, string? altText, MediaKind kind = MediaKind.Jpeg)
    {
        var file = new StoredFile($"originals/{id:N}", "plain.jpg", kind, MediaInspection.ContentTypeOf(kind), 1234, new string('a', 64), new PixelSize(800, 600));
        var asset = MediaAsset.Create(file, new MediaMetadata(AltText: altText), "seed@example.org", DateTime.UtcNow);
        typeof(MediaAsset).GetProperty(nameof(MediaAsset.Id))!.SetValue(asset, id);
        return asset;
    }

    public static ArticleContent Valid(string title = "The Battle of Marathon", int sections = 2) => new(
        title,
        "Athens defeats a Persian landing.",
        HistoricalDate.InYear(-490),
        [new Place("Marathon", "Greece", 38.1183, 23.9783)],
        ["ancient-greece", "battles"],
        ["About 10,000 Athenians", "Herodotus is the main source"],
        [.. Enumerable.Range(0, sections).Select(i => new Section($"section-{i}", $"Heading {i}", $"Body of section {i}."))],
        [new Source("Histories, Book 6", "https://example.org/herodotus", "Herodotus")],
        [new MediaReference(HeroAssetId, MediaRole.Hero, "The plain today")]);

    /// <summary>A written version whose summary and key-fact text are given (no sections), for what is derived from a version's text.</summary>
    public static ArticleVersion VersionWith(string summary, string keyFacts) =>
        ArticleVersion.Write(Guid.NewGuid(), 1, Valid() with { Summary = summary, KeyFacts = [keyFacts], Sections = [] }, "editor@example.org", DateTime.UtcNow, null);
}
