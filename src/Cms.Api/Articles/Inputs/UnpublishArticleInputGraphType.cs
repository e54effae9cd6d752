namespace Cms.Api.Articles;

public sealed class UnpublishArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("UnpublishArticleInput");
