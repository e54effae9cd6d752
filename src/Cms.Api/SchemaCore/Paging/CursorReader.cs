using System.Diagnostics.CodeAnalysis;
using GraphQL;

namespace Cms.Api.SchemaCore;

/// <summary>Reads back a cursor's content (already checked as one this API signed); false when it does not fit the request.</summary>
public delegate bool CursorReader<TSource, TCursor>(IResolveFieldContext<TSource> context, string content, [MaybeNullWhen(false)] out TCursor position);
