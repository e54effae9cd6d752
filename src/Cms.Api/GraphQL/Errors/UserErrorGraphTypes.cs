using Cms.Api.Security;
using Cms.Model.Editing;
using Cms.Model.Validation;
using GraphQL.Types;

namespace Cms.Api.GraphQL.Errors;

/// <summary>
/// Errors a mutation reports in its payload (the mutation-convention style): typed, so a client can switch on
/// <c>__typename</c> or on <c>code</c>, and carried as data rather than as GraphQL errors, since they are expected outcomes.
/// </summary>
public sealed class UserErrorInterface : InterfaceGraphType<EditError>
{
    public UserErrorInterface()
    {
        Name = "UserError";
        Description = "Why a mutation did not happen. Nothing was written.";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("message").Description("Readable explanation.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable machine-readable code.");
    }
}

public sealed class ValidationErrorGraphType : ObjectGraphType<ValidationProblem>
{
    public ValidationErrorGraphType()
    {
        Name = "ValidationError";
        Description = "A submitted value is invalid.";
        this.Public();
        Interface<UserErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Description("REQUIRED, TOO_LONG, INVALID_FORMAT, INVALID_VALUE, OUT_OF_RANGE, DUPLICATE or TOO_MANY.").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("field").Description("Path of the input field, such as \"sections[2].heading\".").Resolve(ctx => ctx.Source.Field);
        IsTypeOf = value => value is ValidationProblem;
    }
}

public sealed class NotFoundErrorGraphType : ObjectGraphType<NotFoundError>
{
    public NotFoundErrorGraphType()
    {
        Name = "NotFoundError";
        Description = "The object the mutation names does not exist.";
        this.Public();
        Interface<UserErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        IsTypeOf = value => value is NotFoundError;
    }
}

public sealed class SlugTakenErrorGraphType : ObjectGraphType<SlugTakenError>
{
    public SlugTakenErrorGraphType()
    {
        Name = "SlugTakenError";
        Description = "Another article uses the slug, now or as a former slug that still redirects.";
        this.Public();
        Interface<UserErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(ctx => ctx.Source.Slug);
        IsTypeOf = value => value is SlugTakenError;
    }
}

public sealed class VersionConflictErrorGraphType : ObjectGraphType<VersionConflictError>
{
    public VersionConflictErrorGraphType()
    {
        Name = "VersionConflictError";
        Description = "Someone saved first: reload the current version, merge, and try again with it as expectedVersion.";
        this.Public();
        Interface<UserErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Resolve(ctx => ctx.Source.ExpectedVersion);
        Field<NonNullGraphType<IntGraphType>>("currentVersion").Resolve(ctx => ctx.Source.CurrentVersion);
        IsTypeOf = value => value is VersionConflictError;
    }
}

public sealed class InvalidStateErrorGraphType : ObjectGraphType<InvalidStateError>
{
    public InvalidStateErrorGraphType()
    {
        Name = "InvalidStateError";
        Description = "The article is in a state that does not allow this (archived, deleted, not published…).";
        this.Public();
        Interface<UserErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        IsTypeOf = value => value is InvalidStateError;
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
