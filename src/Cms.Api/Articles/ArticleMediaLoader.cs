using Cms.Api.SchemaCore;
using Cms.Model.Media;

namespace Cms.Api.Articles;

/// <summary>The media assets a response's articles use, read in one statement per pass however many articles name them.</summary>
public sealed class ArticleMediaLoader(MediaAssetLists lists)
{
    public BatchLoader<Guid, MediaAsset> Assets { get; } = new((ids, cancellationToken) => lists.GetManyAsync(ids, cancellationToken));
}
