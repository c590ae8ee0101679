using PatientAccess.Monitor.Reviews;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Monitor.Flags;

internal static class FlagsServiceCollectionExtensions
{
    /// <summary>The flag store, the review queue (IReviewQueue) and staff decisions (IStaffDecisions), and their upkeep.</summary>
    public static IServiceCollection AddFlags(this IServiceCollection services)
    {
        services.AddValidatedOptions<FlagsOptions>(FlagsOptions.Section);
        services.AddSingleton<FlagDatabase>();
        services.AddSingleton<FlagStore>();
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<FlagAudit>();
        services.AddSingleton<FlagGauges>();
        services.AddSingleton<FlagEnforcement>();
        services.AddSingleton<FlagRaiser>();
        services.AddSingleton<IReviewQueue, ReviewQueue>();
        services.AddSingleton<IStaffDecisions, StaffDecisions>();
        services.AddSingleton<FlagMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<FlagMaintenance>());
        return services;
    }
}
