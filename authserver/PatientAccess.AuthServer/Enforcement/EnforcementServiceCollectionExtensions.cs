using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Enforcement;

internal static class EnforcementServiceCollectionExtensions
{
    /// <summary>The enforcement steps (the endpoint itself is in the admin API's group, behind the admin key).</summary>
    public static IServiceCollection AddEnforcement(this IServiceCollection services)
    {
        services.AddValidatedOptions<EnforcementOptions>(EnforcementOptions.Section);
        services.AddSingleton<EnforcementMail>();
        services.AddSingleton<EnforcementRunner>();
        return services;
    }
}
