using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Cms.Api.Webhooks;

/// <summary>
/// The operator's exceptions to the address rules: host names, matched as written in a receiver's URL, and addresses or
/// CIDR ranges, matched against what a name resolves to.
/// </summary>
public sealed class WebhookAllowList
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    public WebhookAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (!TryParseEntry(entry, out var parsed))
            {
                throw new ArgumentException($"'{entry}' is not an allow-list entry.", nameof(entries));
            }

            if (parsed is IPNetwork network)
            {
                _networks.Add(network);
            }
            else
            {
                _hosts.Add((string)parsed);
            }
        }
    }

    public bool AllowsHost(string host) => _hosts.Contains(host.Trim('[', ']'));

    public bool AllowsAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(plain));
    }

    /// <summary>An entry is an address (a one-address range), a CIDR range, or a host name.</summary>
    public static bool TryParseEntry(string entry, [NotNullWhen(true)] out object? parsed)
    {
        parsed = null;
        var text = entry?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return false;
        }

        if (IPAddress.TryParse(text.Trim('[', ']'), out var address))
        {
            parsed = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (IPNetwork.TryParse(text, out var network))
            {
                parsed = network;
                return true;
            }

            return false;
        }

        if (Uri.CheckHostName(text) == UriHostNameType.Dns)
        {
            parsed = text.ToLowerInvariant();
            return true;
        }

        return false;
    }
}
