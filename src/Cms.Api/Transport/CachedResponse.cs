using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>A serialized answer, with the entity tag GET requests revalidate against and the operation that made it.</summary>
public sealed record CachedResponse(byte[] Body, string ETag, GraphQLOperationDefinition? Operation);
