using System.Net;
using System.Net.Sockets;
using Cms.Model.Webhooks;
using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

/// <summary>
/// The rules against server-side request forgery: a receiver may not be this machine, its network or the cloud's
/// control plane. Refused: loopback, unspecified, private (RFC 1918), shared (100.64/10), link-local (the cloud metadata
/// address 169.254.169.254 among them), unique-local, multicast, reserved and documentation ranges, Azure's host address
/// 168.63.129.16, and IPv4 addresses dressed as IPv6 (mapped, compatible, NAT64, 6to4) whose IPv4 address is any of these.
/// Odd spellings of IPv4 (<c>2130706433</c>, <c>0177.0.0.1</c>, <c>0x7f.1</c>) are read as the address they mean by the URL
/// parser and the resolver alike, so they meet the same ranges. Only the allow-list lifts a refusal.
/// </summary>
public sealed class WebhookAddressRules(IOptions<WebhookOptions> options) : IWebhookUrlRules
{
    private static readonly IPNetwork[] ForbiddenV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("168.63.129.16/32"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] ForbiddenV6 =
    [
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    private readonly WebhookAllowList _allowList = new(options.Value.AllowedHosts);

    public WebhookAllowList AllowList => _allowList;

    /// <summary>Whether an address is one no receiver may have.</summary>
    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ForbiddenV4.Any(range => range.Contains(address));
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsForbidden(address.MapToIPv4());
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)))
        {
            return IsForbidden(new IPAddress(bytes[12..16]));
        }

        if (SixToFour.Contains(address))
        {
            return IsForbidden(new IPAddress(bytes[2..6]));
        }

        return ForbiddenV6.Any(range => range.Contains(address));
    }

    /// <summary>Why a resolved address may not be connected to for <paramref name="host"/>, or null.</summary>
    public string? RefusalOf(string host, IPAddress address) =>
        _allowList.AllowsHost(host) || _allowList.AllowsAddress(address) || !IsForbidden(address)
            ? null
            : $"{host} resolves to {address}, an address webhooks may not reach (loopback, private, link-local or reserved).";

    /// <summary>The checks a URL can pass before any lookup: its scheme, and its host when that is an address or a local name.</summary>
    public string? Refusal(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttp))
        {
            return options.Value.AllowHttp ? "The URL must use http or https." : "The URL must use https (Webhooks:AllowHttp permits http for development).";
        }

        var host = url.IdnHost.Trim('[', ']');
        if (_allowList.AllowsHost(host))
        {
            return null;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return RefusalOf(host, address);
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? $"{host} is this machine; webhooks may not reach it."
            : null;
    }
}
