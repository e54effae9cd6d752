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

public sealed class VersionConflictErrorGraphType : UserErrorGraphType<VersionConflictError>
{
    public VersionConflictErrorGraphType()
        : base("VersionConflictError", "Someone saved first: reload the current version, merge, and try again with it as expectedVersion.")
    {
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Resolve(ctx => ctx.Source.ExpectedVersion);
        Field<NonNullGraphType<IntGraphType>>("currentVersion").Resolve(ctx => ctx.Source.CurrentVersion);
    }
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
    }
}
