namespace Cms.Api.Transport;

/// <summary>
/// Documents that an app built into this server sends by id (the studio's operations, written by graphql-codegen as
/// it builds). They run by hash in every mode, and they stay allowed when a deployment runs only trusted documents, so
/// locking the API to a manifest never locks out the app that ships with it.
/// </summary>
public interface ITrustedDocumentSource
{
    /// <summary>What the documents belong to, for error messages.</summary>
    string Name { get; }

    /// <summary>The documents as a manifest of the trusted-documents convention: <c>"sha256:&lt;hex&gt;"</c> to text. Null when the app is off.</summary>
    ReadOnlyMemory<byte>? ReadManifest();
}
