using System.Net;
using PatientAccess.Gateway.RateLimiting;

namespace PatientAccess.Gateway.Tests.Unit.RateLimiting;

/// <summary>Which addresses share a bucket: IPv4 one by one, IPv6 by network, so a /64's holder gets one bucket, not 2^64.</summary>
public sealed class AddressKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", 64, "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:aaaa::1", 48, "2001:db8:1::/48")]
    [InlineData("2001:db8:1:2:aaaa::1", 56, "2001:db8:1::/56")]
    [InlineData("2001:db8:1:2:aaaa::1", 128, "2001:db8:1:2:aaaa::1")]
    public void AddressKey_Address_BucketName(string address, int prefix, string expected) =>
        Assert.Equal(expected, RateLimitGate.AddressKey(IPAddress.Parse(address), prefix));

    [Fact]
    public void AddressKey_NoAddress_Unknown() => Assert.Equal("unknown", RateLimitGate.AddressKey(null, 64));
}
