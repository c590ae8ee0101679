using PatientAccess.AuthServer.Admin;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Revocation;

internal static class RevocationServiceCollectionExtensions
{
    /// <summary>The revocation list, the member-side grant seam and the admin API's credentials.</summary>
    public static IServiceCollection AddRevocation(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        services.AddSingleton<AdminKeyFilter>();
        services.AddSingleton<RevocationList>();
        services.AddSingleton<IMemberGrants, MemberGrants>();
        return services;
    }
}
