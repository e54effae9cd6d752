using System.Runtime.CompilerServices;
using Cms.Model.Articles;
using Ganss.Xss;
using Markdig;

namespace Cms.Model.Delivery;

/// <summary>
/// Section bodies as HTML a front end can insert as is: Markdown rendered by Markdig with raw HTML switched off (so any
/// HTML an editor types shows as text), then cleaned by an allow-list sanitizer as a second line: no script or style,
/// no event handlers, only http, https and mailto links, and <c>rel="noopener noreferrer"</c> on links that leave the
/// site. A section's HTML is rendered once per section object and kept with it (versions never change, and the version
/// cache shares section objects across requests).
/// </summary>
public static class SafeHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly ConditionalWeakTable<Section, string> Rendered = [];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The section's body as sanitized HTML.</summary>
    public static string BodyOf(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Rendered.GetValue(section, s => FromMarkdown(s.Body));
    }

    /// <summary>Markdown to sanitized HTML.</summary>
    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)).Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "sub", "sup", "mark", "code", "pre",
                "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt", "start", "align", "rel" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link &&
                Uri.TryCreate(link.GetAttribute("href"), UriKind.Absolute, out var target) &&
                (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
