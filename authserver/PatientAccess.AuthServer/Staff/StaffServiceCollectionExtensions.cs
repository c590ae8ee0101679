using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Staff;

internal static class StaffServiceCollectionExtensions
{
    /// <summary>The staff credential (key hashes), staff sessions and the staff action log.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddValidatedOptions<StaffOptions>(StaffOptions.Section);
        services.AddSingleton<StaffKeys>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<StaffActions>();
        return services;
    }

    /// <summary>The staff pages under <c>/staff</c> and the staff API under <c>/api/staff</c>.</summary>
    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        StaffSignInPages.Map(app);
        StaffRequestPages.Map(app);
        StaffReviewPages.Map(app);
        StaffApi.Map(app);
        return app;
    }
}
