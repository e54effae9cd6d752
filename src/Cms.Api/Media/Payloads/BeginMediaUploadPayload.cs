using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed record BeginMediaUploadPayload(MediaUploadTicket? Upload, IReadOnlyList<EditError> Errors);

public sealed class BeginMediaUploadPayloadGraphType : ObjectGraphType<BeginMediaUploadPayload>
{
    public BeginMediaUploadPayloadGraphType()
    {
        Name = "BeginMediaUploadPayload";
        this.Public();
        Field<MediaUploadTicketGraphType>("upload").Resolve(ctx => ctx.Source.Upload);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
