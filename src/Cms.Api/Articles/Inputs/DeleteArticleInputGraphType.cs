namespace Cms.Api.Articles;

public sealed class DeleteArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("DeleteArticleInput");
