using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record UpdateArticleInput(string Id, int ExpectedVersion) : ArticleContentInput, IArticleTarget;

public sealed class UpdateArticleInputGraphType : ArticleContentInputGraphType<UpdateArticleInput>
{
    public UpdateArticleInputGraphType()
    {
        Name = "UpdateArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version the change is based on (latestVersionNumber when the editor loaded it).");
        AddContentFields(required: false);
    }
}
