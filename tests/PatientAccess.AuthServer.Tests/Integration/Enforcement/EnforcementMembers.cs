using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Tests.Integration.Enforcement;

/// <summary>Members with accounts, languages and grants to the demo app, as the member pages would have left them.</summary>
internal static class EnforcementMembers
{
    /// <summary>Creates an account with an address and a language, and <paramref name="grants"/> grants to the app; returns the address.</summary>
    public static async Task<string> WithGrantsAsync(AuthServerHost host, string language, int grants, string patientId)
    {
        var email = "m" + Guid.NewGuid().ToString("N")[..10] + "@example.com";
        var account = await host.Service<MemberAccounts>().CreateAsync(email, patientId, TestContext.Current.CancellationToken);
        Assert.NotNull(account);
        await host.Service<MemberLanguages>().RememberAsync(account.AccountId, language, TestContext.Current.CancellationToken);
        var app = new SmartApp(host) { Member = account.AccountId };
        for (var i = 0; i < grants; i++)
        {
            await app.LaunchAsync();
        }

        return email;
    }
}
