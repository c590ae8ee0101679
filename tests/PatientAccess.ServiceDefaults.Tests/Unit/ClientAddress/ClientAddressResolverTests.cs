using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.AspNetCore.Http;
using PatientAccess.ServiceDefaults.ClientAddress;

namespace PatientAccess.ServiceDefaults.Tests.Unit.ClientAddress;

public sealed class ClientAddressResolverTests
{
    [Theory]
    // No trusted proxy (the default): forwarding headers are anyone's words and are ignored.
    [InlineData("", "127.0.0.1", "203.0.113.7", "", "127.0.0.1")]
    [InlineData("", "198.51.100.1", "", "for=203.0.113.7", "198.51.100.1")]
    // A trusted proxy: the rightmost address it did not add itself.
    [InlineData("127.0.0.1", "127.0.0.1", "203.0.113.7", "", "203.0.113.7")]
    [InlineData("127.0.0.1", "127.0.0.1", "1.1.1.1, 203.0.113.7", "", "203.0.113.7")]
    [InlineData("127.0.0.1,10.0.0.0/8", "127.0.0.1", "203.0.113.7, 10.1.2.3", "", "203.0.113.7")]
    [InlineData("127.0.0.1", "127.0.0.1", "", "for=\"[2001:db8::1]:4711\"", "2001:db8::1")]
    [InlineData("127.0.0.1", "127.0.0.1", "203.0.113.9", "for=203.0.113.7", "203.0.113.7")]
    // A garbled hop stops the walk at the last address that can be believed.
    [InlineData("127.0.0.1", "127.0.0.1", "203.0.113.7, not-an-address", "", "127.0.0.1")]
    // A caller that is not the proxy cannot borrow its trust.
    [InlineData("127.0.0.1", "198.51.100.1", "203.0.113.7", "", "198.51.100.1")]
    public void Resolve_Headers_OnlyTrustedProxiesAreBelieved(string trusted, string peer, string forwardedFor, string forwarded, string expected)
    {
        var options = new ClientAddressOptions();
        foreach (var entry in trusted.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            options.TrustedProxies.Add(entry);
        }

        var resolver = new ClientAddressResolver(Options.Create(options));
        var address = resolver.Resolve(IPAddress.Parse(peer),
            forwardedFor.Length == 0 ? StringValues.Empty : new StringValues(forwardedFor),
            forwarded.Length == 0 ? StringValues.Empty : new StringValues(forwarded));
        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Fact]
    public void KeyOf_TrustedProxyContext_ForwardedClientAndUnknownWithoutPeer()
    {
        var options = new ClientAddressOptions();
        options.TrustedProxies.Add("10.0.0.0/8");
        var resolver = new ClientAddressResolver(Options.Create(options));

        var proxied = new DefaultHttpContext();
        proxied.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
        proxied.Request.Headers["X-Forwarded-For"] = "203.0.113.7, 10.0.0.9";
        Assert.Equal("203.0.113.7", resolver.KeyOf(proxied));
        Assert.Equal("unknown", resolver.KeyOf(new DefaultHttpContext()));
    }

    [Fact]
    public void Validate_EntryThatIsNeitherAddressNorNetwork_NamedAsInvalid()
    {
        var options = new ClientAddressOptions();
        options.TrustedProxies.Add("10.0.0.0/8");
        options.TrustedProxies.Add("proxy.internal");
        var error = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Contains("proxy.internal", error.ErrorMessage, StringComparison.Ordinal);
    }
}
