using Cms.Api.Media;
using Cms.Api.SchemaCore;
using Cms.Model.Events;
using Cms.Model.Media;
using Cms.Model.Security;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Subscriptions;

public sealed class MediaAssetChangeEventGraphType : ObjectGraphType<ChangeEvent>
{
    public MediaAssetChangeEventGraphType()
    {
        Name = "MediaAssetChangeEvent";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<IdGraphType>>("eventId").Resolve(ctx => ctx.Source.Id.ToString());
        Field<NonNullGraphType<MediaAssetChangeTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.OccurredAt);
        Field<NonNullGraphType<IdGraphType>>("assetId").Resolve(ctx => GlobalId.Encode(MediaAssetGraphType.TypeName, ctx.Source.AssetId!.Value));
        Field<StringGraphType>("actor").Resolve(ctx => ctx.Source.Actor);
        Field<MediaAssetGraphType>("mediaAsset")
            .Description("The asset now; null once deleted.")
            .Resolve()
            .WithService<MediaAssetLists>()
            .ResolveAsync(async (ctx, lists) => (await lists.GetManyAsync([ctx.Source.AssetId!.Value], ctx.CancellationToken)).GetValueOrDefault(ctx.Source.AssetId!.Value));
    }
}
