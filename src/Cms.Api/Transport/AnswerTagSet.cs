namespace Cms.Api.Transport;

/// <summary>
/// What one cacheable answer read, named by the resolvers as they read it (an article, an asset, a list), so that a change
/// drops only the cached answers that read what it changed. The transport leaves one in
/// <c>ExecutionOptions.UserContext</c> under <see cref="UserContextKey"/> for each anonymous query it may cache;
/// resolvers run in parallel, so adding is thread-safe.
/// </summary>
public sealed class AnswerTagSet
{
    /// <summary>Where the transport leaves the set in <c>ExecutionOptions.UserContext</c>.</summary>
    public const string UserContextKey = "cms:answerTags";

    /// <summary>
    /// The metadata a root query field carries when its resolvers name everything its answer reads. An answer with any other
    /// root field (introspection aside) is tagged as reading everything, and any change drops it.
    /// </summary>
    public const string TagsItsAnswerMetadataKey = "cms:tagsItsAnswer";

    /// <summary>The tag of an answer whose reads are not all named: every change drops it.</summary>
    public const string Everything = "*";

    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

    public void Add(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        lock (_tags)
        {
            _tags.Add(tag);
        }
    }

    public IReadOnlyCollection<string> Snapshot()
    {
        lock (_tags)
        {
            return [.. _tags];
        }
    }
}
