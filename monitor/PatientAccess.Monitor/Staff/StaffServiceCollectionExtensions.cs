using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Monitor.Staff;

internal static class StaffServiceCollectionExtensions
{
    public static IServiceCollection AddStaffCredential(this IServiceCollection services)
    {
        services.AddValidatedOptions<StaffOptions>(StaffOptions.Section);
        return services;
    }

    /// <summary>In front of every endpoint of the public port; the management listener stays outside it (by port, never by path).</summary>
    public static WebApplication UseStaffCredential(this WebApplication app)
    {
        app.UseWhen(context => !context.IsManagementRequest(), branch => branch.UseMiddleware<StaffCredentialMiddleware>());
        return app;
    }
}
