using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>A parsed document, and whether it came from the cache of validated documents.</summary>
public sealed record PreparedDocument(string Key, GraphQLDocument Document, bool Validated);
