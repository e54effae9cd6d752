using Cms.Api.SchemaCore;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaUploadTicketGraphType : ObjectGraphType<MediaUploadTicket>
{
    public MediaUploadTicketGraphType()
    {
        Name = "MediaUpload";
        Description = "Where to PUT a file's bytes, until when, and the headers to send; then call completeMediaUpload with the id.";
        this.RequireRole(Role.Editor);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.UploadId.ToString("N"));
        Field<NonNullGraphType<StringGraphType>>("url").Description("Write-only and short-lived; PUT the whole file here in one request.").Resolve(ctx => ctx.Source.UploadUrl.ToString());
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UploadHeaderGraphType>>>>("headers").Resolve(ctx => ctx.Source.Headers.ToList());
    }
}
