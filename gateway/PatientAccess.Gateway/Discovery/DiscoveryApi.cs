using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Discovery;

/// <summary>The two documents apps read before they have a token, answered by the gateway itself.</summary>
internal static class DiscoveryApi
{
    /// <summary>HEAD wherever GET (the body is dropped by <see cref="Methods.HeadRequestMiddleware"/>).</summary>
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/r4");
        group.MapMethods("/.well-known/smart-configuration", GetAndHead, (IOptions<TokenOptions> tokens, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Text(SmartConfiguration.Build(tokens.Value.Issuer.TrimEnd('/')).ToJsonString(), "application/json; charset=utf-8");
        });
        group.MapMethods("/metadata", GetAndHead, async (CapabilityStatementSource source, HttpContext context) =>
        {
            var json = await source.GetAsync(context.RequestAborted);
            if (json is null)
            {
                context.Response.Headers.RetryAfter = "5";
                return Results.Text(OperationOutcomeWriter.Json("transient", "the CapabilityStatement is unavailable while the FHIR store is down"),
                    OperationOutcomeWriter.ContentType, StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Text(json, "application/fhir+json; charset=utf-8");
        });
        return group;
    }

    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddHttpClient(CapabilityStatementSource.HttpClientName);
        services.AddSingleton<CapabilityStatementSource>();
        return services;
    }
}
