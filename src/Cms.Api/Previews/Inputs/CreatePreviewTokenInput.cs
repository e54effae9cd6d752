using Cms.Api.Articles;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Previews;

public sealed record CreatePreviewTokenInput(string Id, int? Version, int? ExpiresInMinutes) : ArticleCommandInput(Id);

public sealed class CreatePreviewTokenInputGraphType : ArticleCommandInputGraphType<CreatePreviewTokenInput>
{
    public CreatePreviewTokenInputGraphType()
        : base("CreatePreviewTokenInput")
    {
        Field<IntGraphType>("version").Description("Show this version; by default the latest version at each read.");
        Field<IntGraphType>("expiresInMinutes").Description($"How long the token works: {PreviewTokens.DefaultLifetimeMinutes} minutes by default, at most {PreviewTokens.MaxLifetimeMinutes} (7 days).");
    }
}
