using PatientAccess.Gateway.Audit;
using PatientAccess.Gateway.ClientAddress;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Geo;
using PatientAccess.Gateway.Methods;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.Gateway.Scopes;
using PatientAccess.Gateway.Tokens;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Gateway.Pipeline;

/// <summary>The policy chain, in the order the gateway issue fixes; the management listener stays outside it (by port, never by path).</summary>
internal static class PolicyChain
{
    public static IServiceCollection AddPolicyChain(this IServiceCollection services)
    {
        services.AddValidatedOptions<ClientAddressOptions>(ClientAddressOptions.Section);
        services.AddValidatedOptions<RequestShapeOptions>(RequestShapeOptions.Section);
        services.AddSingleton<ClientAddressResolver>();
        return services;
    }

    public static WebApplication UsePolicyChain(this WebApplication app)
    {
        app.UseWhen(context => !context.IsManagementRequest(), chain =>
        {
            chain.UseMiddleware<AuditMiddleware>();
            chain.UseMiddleware<ClientAddressMiddleware>();
            chain.UseMiddleware<GeoMiddleware>();
            chain.UseMiddleware<RequestShapeMiddleware>();
            chain.UseMiddleware<TokenMiddleware>();
            chain.UseMiddleware<ScopeMiddleware>();
            chain.UseMiddleware<RateLimitMiddleware>();
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
