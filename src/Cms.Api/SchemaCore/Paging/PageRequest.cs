namespace Cms.Api.SchemaCore;

/// <summary>What a page asks for: its size, its direction, and the position it starts after (or before, going backward).</summary>
public sealed record PageRequest<TCursor>(int Size, bool Backward, TCursor? From);
