namespace Cms.Api.Hosting.DemoContent;

/// <summary>A demo article: its versions in order (the first complete, later ones as changes) and which one is published.</summary>
internal sealed record DemoArticle(string Slug, int? PublishedVersion, IReadOnlyList<DemoVersion> Versions);
