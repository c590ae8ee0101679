using PatientAccess.Gateway.Revocation;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Tests.Unit.Revocation;

public sealed class RevocationSetTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static AccessToken Token(DateTimeOffset issued, string jti = "j1") =>
        new(jti, "app", "member", "grant", "pat", ["patient/*.read"], [], issued, issued.AddHours(1));

    [Fact]
    public void IsRevoked_ClientEntry_KillsTokensIssuedAtOrBeforeOnly()
    {
        var set = new RevocationSet(TimeProvider.System);
        set.Apply(new RevocationEntry(3, "client", "app", Now.ToUnixTimeSeconds(), long.MaxValue));

        Assert.True(set.IsRevoked(Token(Now)));
        Assert.True(set.IsRevoked(Token(Now.AddSeconds(-10))));
        Assert.False(set.IsRevoked(Token(Now.AddSeconds(1))));
        Assert.Equal(3, set.Cursor);
    }

    [Fact]
    public void IsRevoked_TokenEntry_KillsThatJtiOnly()
    {
        var set = new RevocationSet(TimeProvider.System);
        set.Apply(new RevocationEntry(1, "token", "j1", Now.ToUnixTimeSeconds(), long.MaxValue));

        Assert.True(set.IsRevoked(Token(Now.AddDays(1))));
        Assert.False(set.IsRevoked(Token(Now, "j2")));
    }

    [Fact]
    public void TryParse_ChannelMessage_ReadsAuthserverShape()
    {
        var entry = RevocationEntry.TryParse("""{"sequence":7,"kind":"grant","id":"g","time":5,"expires_at":9}""");

        Assert.Equal(new RevocationEntry(7, "grant", "g", 5, 9), entry);
        Assert.Null(RevocationEntry.TryParse("""{"kind":"other","id":"g","time":5}"""));
    }
}
