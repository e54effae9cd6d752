using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record PublishArticleInput(string Id, int? Version) : ArticleCommandInput(Id);

public sealed class PublishArticleInputGraphType : ArticleCommandInputGraphType<PublishArticleInput>
{
    public PublishArticleInputGraphType()
        : base("PublishArticleInput") => Field<IntGraphType>("version").Description("The version to publish; the latest when omitted.");
}
