using Cms.Model.Editing;
using Cms.Model.Validation;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

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

/// <summary>One typed error: the <see cref="UserErrorInterface"/> fields, plus whatever the kind of error adds.</summary>
public abstract class UserErrorGraphType<TError> : ObjectGraphType<TError>
    where TError : EditError
{
    protected UserErrorGraphType(string name, string description, string? codeDescription = null)
    {
        Name = name;
        Description = description;
        this.Public();
        Interface<UserErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Description(codeDescription).Resolve(ctx => ctx.Source.Code);
        IsTypeOf = value => value is TError;
    }
}

public sealed class ValidationErrorGraphType : UserErrorGraphType<ValidationProblem>
{
    public ValidationErrorGraphType()
        : base("ValidationError", "A submitted value is invalid.", "REQUIRED, TOO_LONG, INVALID_FORMAT, INVALID_VALUE, OUT_OF_RANGE, DUPLICATE or TOO_MANY.") =>
        Field<NonNullGraphType<StringGraphType>>("field").Description("Path of the input field, such as \"sections[2].heading\".").Resolve(ctx => ctx.Source.Field);
}

public sealed class NotFoundErrorGraphType() : UserErrorGraphType<NotFoundError>("NotFoundError", "The object the mutation names does not exist.");

public sealed class VersionConflictErrorGraphType : UserErrorGraphType<VersionConflictError>
{
    public VersionConflictErrorGraphType()
        : base("VersionConflictError", "Someone saved first: reload the current version, merge, and try again with it as expectedVersion.")
    {
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Resolve(ctx => ctx.Source.ExpectedVersion);
        Field<NonNullGraphType<IntGraphType>>("currentVersion").Resolve(ctx => ctx.Source.CurrentVersion);
    }
}
