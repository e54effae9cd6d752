using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>The input of a command on one article: its id, and for some commands more.</summary>
public record ArticleCommandInput(string Id) : IArticleTarget;

/// <summary>Inputs of the commands that name one article (and, for some, a version).</summary>
public abstract class ArticleCommandInputGraphType<TInput> : InputObjectGraphType<TInput>
    where TInput : ArticleCommandInput
{
    protected ArticleCommandInputGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The article's global id.");
    }
}
