namespace Cms.Api.Media;

/// <summary>An object in the store: its key and when it was last written.</summary>
public sealed record StoredObject(string Key, DateTimeOffset LastModified);
