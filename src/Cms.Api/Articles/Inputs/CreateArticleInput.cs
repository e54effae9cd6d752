using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record CreateArticleInput : ArticleContentInput
{
    public string? Slug { get; init; }
}

public sealed class CreateArticleInputGraphType : ArticleContentInputGraphType<CreateArticleInput>
{
    public CreateArticleInputGraphType()
    {
        Name = "CreateArticleInput";
        Field<StringGraphType>("slug").Description("Lowercase letters, digits and hyphens; made from the title when omitted.");
        AddContentFields(required: true);
    }
}
