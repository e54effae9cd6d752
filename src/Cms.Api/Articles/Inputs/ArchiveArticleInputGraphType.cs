namespace Cms.Api.Articles;

public sealed class ArchiveArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("ArchiveArticleInput");
