using System.Collections.Concurrent;
using System.Globalization;
using Cms.Model.Media;
using Microsoft.Extensions.Options;
using NetVips;

namespace Cms.Api.Media;

/// <summary>A rendition in the store: its key, type, size and ETag.</summary>
public sealed record MadeRendition(string Key, string ContentType, long ByteSize, string ETag);
