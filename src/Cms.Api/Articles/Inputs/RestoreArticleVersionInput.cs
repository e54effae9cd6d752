using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record RestoreArticleVersionInput(string Id, int Version, int ExpectedVersion) : ArticleCommandInput(Id);

public sealed class RestoreArticleVersionInputGraphType : ArticleCommandInputGraphType<RestoreArticleVersionInput>
{
    public RestoreArticleVersionInputGraphType()
        : base("RestoreArticleVersionInput")
    {
        Field<NonNullGraphType<IntGraphType>>("version").Description("The version whose content becomes the new latest version.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The latest version the restore is based on.");
    }
}
