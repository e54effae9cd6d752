using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Articles;

/// <summary><c>markdownPreview</c>: the studio's preview of a section body is what delivery will serve as <c>bodyHtml</c>.</summary>
public sealed class MarkdownPreviewTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const string Preview = "query($markdown: String!) { markdownPreview(markdown: $markdown) }";

    [Fact]
    public async Task Every_published_section_previews_exactly_as_delivery_renders_it()
    {
        using var editor = await ClientAsync(Role.Editor);
        var article = (await GraphQLHttp.PostAsync(api.CreateClient(), new { query = "{ article(slug: \"battle-of-marathon\") { sections { body bodyHtml } } }" })).Body!;
        var sections = article["data"]!["article"]!["sections"]!.AsArray();

        Assert.NotEmpty(sections);
        foreach (var section in sections)
        {
            var preview = await GraphQLHttp.PostAsync(editor, new { query = Preview, variables = new { markdown = section!["body"]!.GetValue<string>() } });
            Assert.Equal(section["bodyHtml"]!.GetValue<string>(), preview.Body!["data"]!["markdownPreview"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Hostile_markdown_previews_as_harmless_html()
    {
        using var editor = await ClientAsync(Role.Editor);

        var preview = await GraphQLHttp.PostAsync(editor, new { query = Preview, variables = new { markdown = "**Bold** <script>alert(1)</script> [x](javascript:alert(1)) [site](https://example.org)" } });
        var html = preview.Body!["data"]!["markdownPreview"]!.GetValue<string>();

        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_section_limit_is_refused_with_a_code_and_readers_and_viewers_may_not_preview()
    {
        using var editor = await ClientAsync(Role.Editor);
        using var viewer = await ClientAsync(Role.Viewer);

        var longest = await GraphQLHttp.PostAsync(editor, new { query = Preview, variables = new { markdown = new string('a', 100_000) } });
        var tooLong = await GraphQLHttp.PostAsync(editor, new { query = Preview, variables = new { markdown = new string('a', 100_001) } });
        var asViewer = await GraphQLHttp.PostAsync(viewer, new { query = Preview, variables = new { markdown = "x" } });
        var anonymous = await GraphQLHttp.PostAsync(api.CreateClient(), new { query = Preview, variables = new { markdown = "x" } });

        Assert.Empty(longest.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], tooLong.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], asViewer.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
    }

    private async Task<HttpClient> ClientAsync(Role role)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(role));
        return client;
    }
}
