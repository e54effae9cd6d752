using Cms.Api.Transport;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>
/// How resolvers name what a cacheable answer read (<see cref="AnswerTagSet"/>), so that a change drops only the cached
/// answers that read what it changed. A root query field whose resolvers name everything they read is marked with
/// <see cref="TagsItsAnswer{T}"/>; an answer with an unmarked root field is dropped by every change.
/// </summary>
public static class AnswerTagging
{
    /// <summary>Marks a root query field whose resolvers (and those of everything below it) tag all they read.</summary>
    public static T TagsItsAnswer<T>(this T metadata)
        where T : IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(metadata);
        metadata.Metadata[AnswerTagSet.TagsItsAnswerMetadataKey] = true;
        return metadata;
    }

    /// <summary>Names what this resolver read, when the answer may be cached (a no-op otherwise).</summary>
    public static void TagAnswer(this IResolveFieldContext context, string tag)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UserContext.TryGetValue(AnswerTagSet.UserContextKey, out var value) && value is AnswerTagSet tags)
        {
            tags.Add(tag);
        }
    }

    /// <summary>Names several things this resolver read.</summary>
    public static void TagAnswer(this IResolveFieldContext context, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            context.TagAnswer(tag);
        }
    }
}
