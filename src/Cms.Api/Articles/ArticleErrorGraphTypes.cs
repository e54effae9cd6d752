using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class InvalidStateErrorGraphType() : UserErrorGraphType<InvalidStateError>(
    "InvalidStateError", "The article is in a state that does not allow this (archived, deleted, not published…).");

public sealed class SlugTakenErrorGraphType : UserErrorGraphType<SlugTakenError>
{
    public SlugTakenErrorGraphType()
        : base("SlugTakenError", "Another article uses the slug, now or as a former slug that still redirects.") =>
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(ctx => ctx.Source.Slug);
}

/// <summary>Every error an article mutation can report.</summary>
public sealed class ArticleErrorUnion : UnionGraphType
{
    public ArticleErrorUnion()
    {
        Name = "ArticleError";
        Description = "Why an article mutation did not happen.";
        this.Public();
        Type<ValidationErrorGraphType>();
        Type<SlugTakenErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<InvalidStateErrorGraphType>();
        Type<AltTextRequiredErrorGraphType>();
    }
}

public sealed class AltTextRequiredErrorGraphType : UserErrorGraphType<AltTextRequiredError>
{
    public AltTextRequiredErrorGraphType()
        : base("AltTextRequiredError", "Images the version uses have no alt text; give them alt text (updateMediaAsset), then publish.") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("assetIds")
            .Description("The global ids of the images that lack alt text.")
            .Resolve(ctx => ctx.Source.AssetIds.Select(id => GlobalId.Encode("MediaAsset", id)));
}
