using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record SourceInput(string Title, string? Url, string? Publisher, string? Note)
{
    public Source ToSource() => new(Title, Url, Publisher, Note);
}

public sealed class SourceInputGraphType : InputObjectGraphType<SourceInput>
{
    public SourceInputGraphType()
    {
        Name = "SourceInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<StringGraphType>("url");
        Field<StringGraphType>("publisher");
        Field<StringGraphType>("note");
    }
}
