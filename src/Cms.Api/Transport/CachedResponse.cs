using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>
/// A serialized answer, with the entity tag GET requests revalidate against, the operation that made it, and the tags of
/// what it read (<see cref="AnswerTagSet"/>; empty when the answer is not cacheable).
/// </summary>
public sealed record CachedResponse(byte[] Body, string ETag, GraphQLOperationDefinition? Operation, IReadOnlyCollection<string>? Tags = null);
