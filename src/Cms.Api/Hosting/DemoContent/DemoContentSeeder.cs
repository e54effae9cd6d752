using System.Text.Json;
using System.Text.Json.Serialization;
using Cms.Model.Articles;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Hosting.DemoContent;

/// <summary>
/// Fills an empty database with the demo articles, through the same editor that GraphQL mutations use, so
/// the demo content obeys every rule real content does (validation, numbered versions, the publication log).
/// </summary>
internal sealed partial class DemoContentSeeder(CmsDbContext db, ArticleEditor editor, Media.MediaIntake media, ILogger<DemoContentSeeder> logger)
{
    public const string Author = "demo-content";
    private const string ResourceName = "Cms.Api.DemoContent.demo-articles.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }

        var articles = await LoadAsync(cancellationToken);
        foreach (var demo in articles)
        {
            await SeedArticleAsync(demo, cancellationToken);
        }

        LogSeeded(logger, articles.Count);
    }

    internal static async Task<IReadOnlyList<DemoArticle>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoContentSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo content resource {ResourceName} is missing from the build.");
        return await JsonSerializer.DeserializeAsync<List<DemoArticle>>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidOperationException("The demo content is empty.");
    }

    private async Task SeedArticleAsync(DemoArticle demo, CancellationToken cancellationToken)
    {
        var first = demo.Versions[0];
        var content = first.ToChanges().ToNewContent();
        if (content.Media.Count == 0 && DemoImages.LocatorDiagram(content.Title, content.Places) is { } diagram)
        {
            // Each demo article shows a diagram the project draws from its coordinates, uploaded as editors upload.
            await using var png = new MemoryStream(diagram.Png);
            var asset = Expect(await media.UploadAsync(png, $"{demo.Slug}-locator.png", "image/png", new MediaMetadata(
                AltText: diagram.AltText,
                Caption: "Where it happened",
                Credit: "Drawn by the CMS from the article's coordinates",
                License: "CC0-1.0",
                FocalPoint: diagram.FocalPoint,
                Tags: ["Locator diagrams"]), Author, cancellationToken), demo.Slug);
            content = content with { Media = [new MediaReference(asset.Id, MediaRole.Hero)] };
        }

        var article = Expect(await editor.CreateAsync(demo.Slug, content, Author, first.ChangeNote, cancellationToken), demo.Slug);

        foreach (var (change, basedOn) in demo.Versions.Skip(1).Select((v, i) => (v, i + 1)))
        {
            Expect(await editor.SaveVersionAsync(article.Id, basedOn, change.ToChanges(), Author, change.ChangeNote, cancellationToken), demo.Slug);
        }

        if (demo.PublishedVersion is { } published)
        {
            Expect(await editor.PublishAsync(article.Id, published, Author, cancellationToken), demo.Slug);
        }
    }

    private static T Expect<T>(EditResult<T> result, string slug)
        where T : class =>
        result.Value ?? throw new InvalidOperationException(
            $"Demo article '{slug}' is invalid: {string.Join("; ", result.Errors.Select(e => e is Model.Outcomes.ValidationProblem p ? $"{p.Field}: {p.Message}" : e.Message))}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo articles into the empty database")]
    private static partial void LogSeeded(ILogger logger, int count);
}
