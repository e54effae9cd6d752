using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary>Section.bodyHtml through the API: the Markdown an editor saved, rendered and sanitized.</summary>
public sealed class SectionHtmlTests
{
    [Fact]
    public async Task An_editors_markdown_with_a_script_and_a_javascript_link_is_served_as_safe_html()
    {
        using var api = new CmsApiFactory();
        using var editor = api.CreateClient();
        editor.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Editor));

        var created = await GraphQLHttp.PostAsync(editor, new
        {
            query = "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { sections { body bodyHtml } } errors { __typename } } }",
            variables = new
            {
                input = new
                {
                    title = "Markup probe",
                    summary = "s",
                    historicalDate = new { start = new { year = 1900 }, precision = "YEAR" },
                    sections = new[] { new { heading = "What happened?", body = "**Bold** <script>alert(1)</script> [bad](javascript:alert(1)) [good](https://example.org)" } },
                },
            },
        });

        var section = created.Body!["data"]!["createArticle"]!["article"]!["sections"]![0]!;
        var html = section["bodyHtml"]!.GetValue<string>();
        Assert.StartsWith("**Bold**", section["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("<p><strong>Bold</strong> &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">good</a>", html, StringComparison.Ordinal);
    }
}
