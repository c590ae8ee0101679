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

    /// <summary>The monitor's read counts for the portal's demo evidence (issue 15 contract 3); the client's own timeout is off, <see cref="MonitorOptions.TimeoutSeconds"/> rules.</summary>
    public static IServiceCollection AddMonitorEvidence(this IServiceCollection services)
    {
        services.AddValidatedOptions<MonitorOptions>(MonitorOptions.Section);
        services.AddHttpClient<MonitorReads>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
