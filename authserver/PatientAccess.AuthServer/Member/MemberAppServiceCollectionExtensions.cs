using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Codes;
using PatientAccess.AuthServer.Member.Consent;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Member.Store;
using PatientAccess.ServiceDefaults.ClientAddress;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Forms;

namespace PatientAccess.AuthServer.Member;

internal static class MemberAppServiceCollectionExtensions
{
    /// <summary>The member pages: sessions, accounts, codes, lockouts and send limits, proxy rules, mail, the store lookup and antiforgery.</summary>
    public static IServiceCollection AddMemberApp(this IServiceCollection services)
    {
        services.AddValidatedOptions<MemberAppOptions>(MemberAppOptions.Section);
        services.AddValidatedOptions<StoreOptions>(StoreOptions.Section);
        services.AddValidatedOptions<MailOptions>(MailOptions.Section);
        services.AddValidatedOptions<ProxyAccessOptions>(ProxyAccessOptions.Section);
        services.AddClientAddress();
        services.AddHttpClient<MemberDirectory>((provider, http) =>
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<StoreOptions>>().Value.TimeoutSeconds));
        services.AddSingleton<MemberSessions>();
        services.AddSingleton<MemberAccounts>();
        services.AddSingleton<MemberLanguages>();
        services.AddHostedService<MemberAccountIndexUpgrade>();
        services.AddSingleton<EmailCodes>();
        services.AddSingleton<CodeSender>();
        services.AddSingleton<Lockouts>();
        services.AddSingleton<CodeSendThrottle>();
        services.AddSingleton<SendTimings>();
        services.AddSingleton<MemberMetrics>();
        services.AddSingleton<ProxyAccessPolicy>();
        services.AddSingleton<ConsentState>();
        services.AddSingleton<IMailSender>(provider => string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.SmtpHost)
            ? ActivatorUtilities.CreateInstance<OutboxMailSender>(provider)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(provider));

        // The whole site: the developer portal and staff pages post forms too.
        services.AddFormProtection("PatientAccess.AuthServer", "pa-member-csrf", "/");
        return services;
    }
}
