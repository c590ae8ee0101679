using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PatientAccess.AuthServer.Member.Security;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class ClientAddressesTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public void Resolve_NoTrustedProxies_ForwardedHeadersIgnored()
    {
        var resolved = Addresses().Resolve(Proxy, new StringValues("203.0.113.7"), new StringValues("for=198.51.100.1"));
        Assert.Equal(Proxy, resolved);
    }

    [Fact]
    public void Resolve_TrustedProxy_RightmostUntrustedHopWins()
    {
        var resolved = Addresses("10.0.0.0/8").Resolve(Proxy, new StringValues("1.1.1.1, 203.0.113.7, 10.0.0.9"), StringValues.Empty);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), resolved);
    }

    [Fact]
    public void Resolve_TrustedProxyForwardedHeader_WinsOverXForwardedFor()
    {
        var resolved = Addresses("10.0.0.5").Resolve(Proxy, new StringValues("203.0.113.7"), new StringValues("for=\"[2001:db8::1]:4711\";proto=https"));
        Assert.Equal(IPAddress.Parse("2001:db8::1"), resolved);
    }

    [Fact]
    public void Resolve_GarbledHop_StopsAtTheLastGoodOne()
    {
        var resolved = Addresses("10.0.0.0/8").Resolve(Proxy, new StringValues("203.0.113.7, not-an-address, 10.0.0.9"), StringValues.Empty);
        Assert.Equal(IPAddress.Parse("10.0.0.9"), resolved);
    }

    [Fact]
    public void Options_BadEntry_Invalid()
    {
        var options = new ClientAddressOptions();
        options.TrustedProxies.Add("10.0.0.0/8");
        options.TrustedProxies.Add("proxy.internal");
        Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private static ClientAddresses Addresses(params string[] trusted)
    {
        var options = new ClientAddressOptions();
        foreach (var entry in trusted)
        {
            options.TrustedProxies.Add(entry);
        }

        return new ClientAddresses(Options.Create(options));
    }
}
