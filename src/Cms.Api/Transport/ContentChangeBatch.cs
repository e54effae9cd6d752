namespace Cms.Api.Transport;

/// <summary>
/// Changes read from an <see cref="IContentChangeFeed"/>: the tags of the answers they made stale (<c>*</c> for every
/// answer), the position after them, and whether more changes wait to be read.
/// </summary>
public sealed record ContentChangeBatch(long Position, IReadOnlyCollection<string> StaleTags, bool More);
