using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Unit.Clients;

public sealed class ClientSecretsTests
{
    [Fact]
    public void Create_NewSecret_StoresOnlyVerifiableHash()
    {
        var (secret, hash) = ClientSecrets.Create();
        Assert.Equal(43, secret.Length);
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", hash, StringComparison.Ordinal);
        Assert.True(ClientSecrets.Verify(secret, hash));
        Assert.False(ClientSecrets.Verify(secret + "x", hash));
        Assert.False(ClientSecrets.Verify(string.Empty, hash));
        Assert.False(ClientSecrets.Verify(secret, null));
    }
}
