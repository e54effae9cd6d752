using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>A parsed document, and whether it came from the cache of validated documents.</summary>
public sealed record PreparedDocument(string Key, GraphQLDocument Document, bool Validated);
