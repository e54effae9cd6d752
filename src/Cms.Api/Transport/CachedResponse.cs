using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>A serialized answer, with the entity tag GET requests revalidate against and the operation that made it.</summary>
public sealed record CachedResponse(byte[] Body, string ETag, GraphQLOperationDefinition? Operation);
