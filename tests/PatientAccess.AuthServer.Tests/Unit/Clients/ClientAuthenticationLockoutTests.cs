using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Integration;

namespace PatientAccess.AuthServer.Tests.Unit.Clients;

public sealed class ClientAuthenticationLockoutTests
{
    [Fact]
    public void LockedFor_TooManyFailuresInAMinute_LocksThatClientUntilTheMinuteEnds()
    {
        var clock = new MutableTimeProvider();
        var lockout = new ClientAuthenticationLockout(Options.Create(new ClientAuthenticationOptions { MaxFailuresPerMinute = 3 }), clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(lockout.LockedFor("app"));
            lockout.RecordFailure("app");
        }

        Assert.InRange(lockout.LockedFor("app")!.Value, 1, 60);
        Assert.Null(lockout.LockedFor("other-app"));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(lockout.LockedFor("app"));
    }
}
