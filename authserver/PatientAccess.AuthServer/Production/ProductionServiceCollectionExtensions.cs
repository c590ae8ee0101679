using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Production;

internal static class ProductionServiceCollectionExtensions
{
    /// <summary>Production access requests, decisions, review dates and the automatic overdue-attestation check.</summary>
    public static IServiceCollection AddProductionAccess(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProductionOptions>(ProductionOptions.Section);
        services.AddValidatedOptions<ReviewOptions>(ReviewOptions.Section);
        services.AddSingleton<ProductionRequests>();
        services.AddSingleton<DecisionNotifier>();
        services.AddSingleton<DemoEvidence>();
        services.AddSingleton<ReviewDates>();
        services.AddSingleton<OverdueAttestationSuspender>();
        services.AddHostedService(provider => provider.GetRequiredService<OverdueAttestationSuspender>());

        // Who may ask: the developer portal's signed-in owner of the client.
        services.AddSingleton<IClientOwnership, PortalClientOwnership>();
        return services;
    }

    /// <summary>The developer's request form and its JSON API.</summary>
    public static IEndpointRouteBuilder MapProductionAccess(this IEndpointRouteBuilder app)
    {
        ProductionRequestPages.Map(app);
        ProductionRequestApi.Map(app);
        return app;
    }
}
