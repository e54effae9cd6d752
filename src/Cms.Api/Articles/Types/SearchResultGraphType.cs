using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class SearchResultGraphType : ObjectGraphType<SearchResult>
{
    public SearchResultGraphType()
    {
        Name = "SearchResult";
        Description = "A published article that matches a search.";
        this.Public();
        Field<NonNullGraphType<ArticleGraphType>>("article").Description("The article, at its published version.").Resolve(ctx => ctx.Source.Article);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description("A passage around the first match in the summary or body, as HTML: text escaped, each matching word in <mark>.")
            .Resolve(ctx => ctx.Source.Snippet ?? string.Empty);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("How well it matched (higher is better); comparable only within one search.").Resolve(ctx => ctx.Source.Match.Score);
    }
}
