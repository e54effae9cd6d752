namespace Cms.Api.Transport;

/// <summary>Trusted documents: in production, only operations from an allow-list run.</summary>
public sealed class TrustedDocumentOptions
{
    /// <summary>
    /// A JSON file mapping SHA-256 hashes (hex) to documents, such as a client build's persisted-query manifest.
    /// When set, only those documents run; unset (default), any document may run. Relative to the content root.
    /// </summary>
    public string? ManifestPath { get; set; }
}
