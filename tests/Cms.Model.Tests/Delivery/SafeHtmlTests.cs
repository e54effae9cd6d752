using Cms.Model.Articles;
using Cms.Model.Delivery;

namespace Cms.Model.Tests.Delivery;

public sealed class SafeHtmlTests
{
    private static readonly string[] ForbiddenElements = ["script", "iframe", "svg", "object", "embed", "style", "form", "input", "frame", "meta", "link", "base"];

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <script src=\"https://evil.example/x.js\"></script> more")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><circle r=1 /></svg>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![image](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<p onclick=\"alert(1)\">click</p>")]
    [InlineData("<form action=\"https://evil.example\"><input name=q></form>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<a href=\"https://example.org\" onmouseover=\"alert(1)\">x</a>")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>")]
    [InlineData("<style>body { display: none }</style>")]
    public void Known_cross_site_scripting_payloads_come_out_harmless(string markdown)
    {
        var html = SafeHtml.FromMarkdown(markdown);

        // Read back as a browser would: what counts is what the HTML does, not which words its text contains.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), html);
                Assert.DoesNotContain(attribute.Name, (string[])["style", "srcdoc", "formaction"]);
                if (attribute.Name is "href" or "src")
                {
                    // As browsers read a URL: tabs, newlines and leading spaces dropped, the scheme before the first colon.
                    var url = new string([.. attribute.Value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
                    var colon = url.IndexOf(':', StringComparison.Ordinal);
                    var scheme = colon > 0 && url.IndexOfAny(['/', '?', '#']) is var end && (end < 0 || colon < end) ? url[..colon].ToLowerInvariant() : null;
                    Assert.True(scheme is null or "http" or "https" or "mailto", html);
                }
            }
        }
    }

    [Fact]
    public void Markdown_renders_and_external_links_leave_without_the_opener()
    {
        var html = SafeHtml.FromMarkdown("## What happened?\n\nThe **Athenians** won, says [Herodotus](https://example.org/histories) and [our page](/events/x).\n\n- one\n- two");

        Assert.Contains("<h2>What happened?</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Athenians</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/histories\" rel=\"noopener noreferrer\">Herodotus</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/events/x\">our page</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_typed_into_markdown_shows_as_text()
    {
        var html = SafeHtml.FromMarkdown("Use <b>bold</b> tags");

        Assert.Equal("<p>Use &lt;b&gt;bold&lt;/b&gt; tags</p>", html);
    }

    [Fact]
    public void A_section_is_rendered_once()
    {
        var section = new Section("what-happened", "What happened?", "Some *text*");

        Assert.Same(SafeHtml.BodyOf(section), SafeHtml.BodyOf(section));
        Assert.Equal("<p>Some <em>text</em></p>", SafeHtml.BodyOf(section));
    }
}
