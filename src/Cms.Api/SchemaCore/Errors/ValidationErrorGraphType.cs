using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class ValidationErrorGraphType : UserErrorGraphType<ValidationProblem>
{
    public ValidationErrorGraphType()
        : base("ValidationError", "A submitted value is invalid.", "REQUIRED, TOO_LONG, INVALID_FORMAT, INVALID_VALUE, OUT_OF_RANGE, DUPLICATE or TOO_MANY.") =>
        Field<NonNullGraphType<StringGraphType>>("field").Description("Path of the input field, such as \"sections[2].heading\".").Resolve(ctx => ctx.Source.Field);
}
