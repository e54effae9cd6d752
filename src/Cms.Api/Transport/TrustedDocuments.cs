using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// The trusted documents, loaded once at start-up: the deployment's manifest (<c>GraphQL:TrustedDocuments:ManifestPath</c>),
/// which when set is the allow-list (only its documents run), and the documents of apps built into the server
/// (<see cref="ITrustedDocumentSource"/>), which run by hash in every mode. A manifest is either a JSON object of SHA-256
/// hash (hex, or <c>sha256:</c> and hex) to document, or an Apollo persisted-query manifest (<c>{"operations":[{"id","body"}]}</c>).
/// Every hash is checked against its document, so a tampered manifest stops the server from starting.
/// </summary>
public sealed class TrustedDocuments
{
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);

    public TrustedDocuments(IOptions<GraphQLHttpOptions> options, IHostEnvironment environment, IEnumerable<ITrustedDocumentSource> sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            if (source.ReadManifest() is { } manifest)
            {
                Add(source.Name, manifest.Span);
            }
        }

        if (options.Value.TrustedDocuments.ManifestPath is not { Length: > 0 } path)
        {
            return;
        }

        IsEnabled = true;
        ManifestPath = Path.GetFullPath(path, environment.ContentRootPath);
        Add($"Trusted document manifest {ManifestPath}", File.ReadAllBytes(ManifestPath));
    }

    /// <summary>Whether only trusted documents run (a deployment's manifest is configured).</summary>
    public bool IsEnabled { get; }

    public string? ManifestPath { get; }

    public int Count => _documents.Count;

    public bool TryGet(string hash, out string document) => _documents.TryGetValue(hash, out document!);

    private void Add(string origin, ReadOnlySpan<byte> manifest)
    {
        foreach (var (hash, document) in Read(origin, manifest))
        {
            if (!string.Equals(PersistedOperations.Sha256Hex(document), hash, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{origin}: the hash {hash} does not match its document.");
            }

            _documents[hash] = document;
        }
    }

    private static List<(string Hash, string Document)> Read(string origin, ReadOnlySpan<byte> manifest)
    {
        var reader = new Utf8JsonReader(manifest);
        using var json = JsonDocument.ParseValue(ref reader);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{origin} must be a JSON object.");
        }

        var list = new List<(string, string)>();
        if (root.TryGetProperty("operations", out var operations) && operations.ValueKind == JsonValueKind.Array)
        {
            foreach (var operation in operations.EnumerateArray())
            {
                list.Add((operation.GetProperty("id").GetString()!, operation.GetProperty("body").GetString()!));
            }
        }
        else
        {
            foreach (var property in root.EnumerateObject())
            {
                // graphql-codegen's client preset (and the trusted-documents convention) writes keys as "sha256:<hex>".
                list.Add((PersistedOperations.HashOfDocumentId(property.Name), property.Value.GetString() ?? throw new InvalidOperationException($"{origin}: the document {property.Name} is not a string.")));
            }
        }

        return list;
    }
}
