using System.Net;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Integration;

namespace PatientAccess.AuthServer.Tests.Unit.Clients;

public sealed class ClientAuthenticationThrottleTests
{
    private static readonly IPAddress AddressA = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress AddressB = IPAddress.Parse("198.51.100.9");

    [Fact]
    public void RecordFailure_OverBudget_ThrottlesOnlyThatClientAndAddressUntilTheMinuteEnds()
    {
        var clock = new MutableTimeProvider();
        var throttle = new ClientAuthenticationThrottle(Options.Create(new ClientAuthenticationOptions { MaxFailuresPerMinute = 3 }), clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.RecordFailure("app", AddressA, out _));
        }

        Assert.InRange(throttle.RecordFailure("app", AddressA, out var first)!.Value, 1, 60);
        Assert.True(first);
        Assert.NotNull(throttle.RecordFailure("app", AddressA, out var second));
        Assert.False(second);

        // The same client from another address, and another client from the same address, start afresh.
        Assert.Null(throttle.RecordFailure("app", AddressB, out _));
        Assert.Null(throttle.RecordFailure("other-app", AddressA, out _));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(throttle.RecordFailure("app", AddressA, out _));
    }
}
