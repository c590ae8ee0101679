using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Staff;

namespace PatientAccess.AuthServer.Tests.Unit.Staff;

public sealed class StaffKeysTests
{
    private const string Key = "a-staff-key-with-plenty-of-randomness-0123456789";

    [Fact]
    public void Check_ConfiguredKey_ActorIsAFingerprintNotTheKey()
    {
        var actor = Keys(Secrets.HexHash(Key).ToLowerInvariant()).Check(Key);
        Assert.NotNull(actor);
        Assert.Equal("staff:" + Secrets.HexHash(Key)[..12].ToLowerInvariant(), actor.Id);
        Assert.DoesNotContain(Key, actor.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-staff-key-with-plenty-of-randomness-012345678")]
    [InlineData("A-STAFF-KEY-WITH-PLENTY-OF-RANDOMNESS-0123456789")]
    public void Check_AnythingElse_Null(string? candidate) => Assert.Null(Keys(Secrets.HexHash(Key)).Check(candidate));

    [Fact]
    public void Check_OverlongInput_NullWithoutHashing() => Assert.Null(Keys(Secrets.HexHash(new string('k', 600))).Check(new string('k', 600)));

    [Fact]
    public void Check_NoKeysConfigured_EveryoneRefused() => Assert.Null(Keys().Check(Key));

    [Fact]
    public void Options_NotAHash_Invalid()
    {
        var options = new StaffOptions();
        options.KeyHashes.Add(Key);
        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private static StaffKeys Keys(params string[] hashes)
    {
        var options = new StaffOptions();
        foreach (var hash in hashes)
        {
            options.KeyHashes.Add(hash);
        }

        return new StaffKeys(Options.Create(options));
    }
}
