using Cms.Api.SchemaCore;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class UploadHeaderGraphType : ObjectGraphType<KeyValuePair<string, string>>
{
    public UploadHeaderGraphType()
    {
        Name = "UploadHeader";
        this.RequireRole(Role.Editor);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(ctx => ctx.Source.Value);
    }
}
