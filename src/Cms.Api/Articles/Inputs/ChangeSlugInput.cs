using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record ChangeSlugInput(string Id, string Slug) : ArticleCommandInput(Id);

public sealed class ChangeSlugInputGraphType : ArticleCommandInputGraphType<ChangeSlugInput>
{
    public ChangeSlugInputGraphType()
        : base("ChangeSlugInput") => Field<NonNullGraphType<StringGraphType>>("slug").Description("The new slug; the old one keeps answering as a redirect.");
}
