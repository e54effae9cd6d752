using System.Net;
using Cms.Api.Webhooks;
using Microsoft.Extensions.Options;

namespace Cms.Api.Tests.Webhooks;

public sealed class WebhookAddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("168.63.129.16")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    public void Local_private_link_local_and_reserved_addresses_are_forbidden(string address) =>
        Assert.True(WebhookAddressRules.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(WebhookAddressRules.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://2130706433/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://127.1/")]
    [InlineData("http://[0:0:0:0:0:ffff:7f00:1]/")]
    public void Unusual_spellings_of_loopback_are_refused(string url)
    {
        var rules = new WebhookAddressRules(Options.Create(new WebhookOptions { AllowHttp = true }));
        Assert.NotNull(rules.Refusal(new Uri(url)));
    }

    [Fact]
    public void The_allow_list_lifts_a_refusal_by_host_name_or_range()
    {
        var rules = new WebhookAddressRules(Options.Create(new WebhookOptions { AllowHttp = true, AllowedHosts = ["receiver.internal", "10.20.0.0/16"] }));
        Assert.Null(rules.RefusalOf("receiver.internal", IPAddress.Parse("10.9.9.9")));
        Assert.Null(rules.RefusalOf("other.internal", IPAddress.Parse("10.20.3.4")));
        Assert.NotNull(rules.RefusalOf("other.internal", IPAddress.Parse("10.21.3.4")));
        Assert.Null(rules.Refusal(new Uri("http://10.20.0.7/hook")));
        Assert.NotNull(rules.Refusal(new Uri("http://10.21.0.7/hook")));
    }

    [Fact]
    public void Https_only_unless_http_is_allowed()
    {
        var strict = new WebhookAddressRules(Options.Create(new WebhookOptions()));
        Assert.NotNull(strict.Refusal(new Uri("http://hooks.example.com/")));
        Assert.Null(strict.Refusal(new Uri("https://hooks.example.com/")));
    }
}
