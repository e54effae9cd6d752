namespace Cms.Api.Articles;

public sealed class PurgeArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("PurgeArticleInput");
