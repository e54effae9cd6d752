namespace Cms.Api.Articles;

/// <summary>An input that names the article its command acts on.</summary>
public interface IArticleTarget
{
    /// <summary>The article's global id (or bare GUID).</summary>
    string Id { get; }
}
