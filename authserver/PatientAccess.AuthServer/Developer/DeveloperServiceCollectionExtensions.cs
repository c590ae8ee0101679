using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Evidence;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Developer;

internal static class DeveloperServiceCollectionExtensions
{
    /// <summary>The developer portal: accounts and sessions, apps, logos, evidence. Needs the member app's mail, lockouts and antiforgery (AddMemberApp).</summary>
    public static IServiceCollection AddDeveloperPortal(this IServiceCollection services)
    {
        services.AddValidatedOptions<DeveloperPortalOptions>(DeveloperPortalOptions.Section);
        services.AddSingleton<DeveloperSessions>();
        services.AddSingleton<DeveloperAccounts>();
        services.AddSingleton<DeveloperCodes>();
        services.AddSingleton<DeveloperSignIn>();
        services.AddSingleton<DeveloperClients>();
        services.AddSingleton<SecretReveal>();
        services.AddSingleton<LogoStore>();
        services.AddSingleton<DemoEvidence>();
        services.AddHostedService<EvidenceCopier>();
        return services;
    }
}
