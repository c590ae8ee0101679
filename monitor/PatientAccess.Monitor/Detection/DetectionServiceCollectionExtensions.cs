using PatientAccess.Monitor.Events;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Monitor.Detection;

internal static class DetectionServiceCollectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddValidatedOptions<DetectionOptions>(DetectionOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DetectionOptions>>().Value);
        services.AddSingleton<Detector, WriteAttemptsDetector>();
        services.AddSingleton<Detector, TooManyRequestsDetector>();
        services.AddSingleton<Detector, NonUsDetector>();
        services.AddSingleton<Detector, ErraticDetector>();
        services.AddSingleton<Detector, UnusualAuthorizationsDetector>();
        services.AddSingleton<Detector, TokenAbuseDetector>();
        services.AddSingleton<WindowStore>();
        services.AddSingleton<DetectionObserver>();
        services.AddSingleton<IAuditObserver>(sp => sp.GetRequiredService<DetectionObserver>());
        return services;
    }
}
