using PatientAccess.Gateway.Audit;
using PatientAccess.Gateway.ClientAddress;
using PatientAccess.ServiceDefaults.ClientAddress;
using PatientAccess.Gateway.Cors;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Geo;
using PatientAccess.Gateway.Methods;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.Gateway.Scopes;
using PatientAccess.Gateway.Tokens;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Gateway.Pipeline;

/// <summary>
/// The policy chain, in the order the gateway issue fixes, with rate limiting split in two so
/// that refused requests are charged as well (see <see cref="AddressLimitMiddleware"/>);
/// the management listener stays outside it (by port, never by path).
/// </summary>
internal static class PolicyChain
{
    public static IServiceCollection AddPolicyChain(this IServiceCollection services)
    {
        services.AddValidatedOptions<RequestShapeOptions>(RequestShapeOptions.Section);
        services.AddValidatedOptions<CorsOptions>(CorsOptions.Section);
        services.AddSingleton<CorsPolicy>();
        services.AddClientAddress();
        services.AddSingleton<PolicyMetrics>();
        return services;
    }

    public static WebApplication UsePolicyChain(this WebApplication app)
    {
        app.UseWhen(context => !context.IsManagementRequest(), chain =>
        {
            // Outermost: counts requests and refusals per app once the audit step has settled the reason.
            chain.UseMiddleware<AppMetricsMiddleware>();
            chain.UseMiddleware<AuditMiddleware>();
            chain.UseMiddleware<HeadRequestMiddleware>();
            chain.UseMiddleware<CorsMiddleware>();
            chain.UseMiddleware<ClientAddressMiddleware>();
            // Before any step can refuse, so every refusal is charged too (issue 12, item 7).
            chain.UseMiddleware<AddressLimitMiddleware>();
            chain.UseMiddleware<GeoMiddleware>();
            chain.UseMiddleware<RequestShapeMiddleware>();
            chain.UseMiddleware<TokenMiddleware>();
            // A token seen for the first time: charged before its scope or compartment can refuse it.
            chain.UseMiddleware<RateLimitMiddleware>();
            chain.UseMiddleware<ScopeMiddleware>();
        });
        return app;
    }

    /// <summary>Anything the chain let through that no endpoint serves.</summary>
    public static WebApplication MapNotFound(this WebApplication app)
    {
        app.MapFallback((HttpContext context) => OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status404NotFound, "not-found",
            RefusalReasons.Route, "no FHIR interaction at this address; the FHIR base is /r4"));
        return app;
    }
}
