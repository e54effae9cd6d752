using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>
/// The allow-list of trusted documents, loaded once at start-up. The manifest is either a JSON object of
/// SHA-256 hash (hex, or <c>sha256:</c> and hex) to document, or an Apollo persisted-query manifest (<c>{"operations":[{"id","body"}]}</c>).
/// Every hash is checked against its document, so a tampered manifest stops the server from starting.
/// </summary>
public sealed class TrustedDocuments
{
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);

    public TrustedDocuments(IOptions<GraphQLHttpOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.Value.TrustedDocuments.ManifestPath is not { Length: > 0 } path)
        {
            return;
        }

        IsEnabled = true;
        ManifestPath = Path.GetFullPath(path, environment.ContentRootPath);
        foreach (var (hash, document) in Read(ManifestPath))
        {
            if (!string.Equals(PersistedOperations.Sha256Hex(document), hash, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Trusted document manifest {ManifestPath}: the hash {hash} does not match its document.");
            }

            _documents[hash] = document;
        }
    }

    public bool IsEnabled { get; }

    public string? ManifestPath { get; }

    public int Count => _documents.Count;

    public bool TryGet(string hash, out string document) => _documents.TryGetValue(hash, out document!);

    private static List<(string Hash, string Document)> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Trusted document manifest {path} must be a JSON object.");
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
                list.Add((PersistedOperations.HashOfDocumentId(property.Name), property.Value.GetString() ?? throw new InvalidOperationException($"Trusted document {property.Name} in {path} is not a string.")));
            }
        }

        return list;
    }
}
