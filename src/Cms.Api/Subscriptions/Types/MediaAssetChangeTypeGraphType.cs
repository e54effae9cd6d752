using Cms.Model.Events;
using GraphQL.Types;

namespace Cms.Api.Subscriptions;

public sealed class MediaAssetChangeTypeGraphType : EnumerationGraphType
{
    public const string Prefix = "media.";

    public MediaAssetChangeTypeGraphType()
    {
        Name = "MediaAssetChangeType";
        Description = "What happened to a media asset.";
        foreach (var type in ChangeEventTypes.All.Where(t => t.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            Add(type[Prefix.Length..].ToUpperInvariant(), type, $"`{type}`");
        }
    }
}
