namespace Cms.Api.Articles;

public sealed class CancelScheduledPublicationInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("CancelScheduledPublicationInput");
