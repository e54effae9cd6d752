using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

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
