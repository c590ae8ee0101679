using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Configuration;

namespace PatientAccess.AuthServer.Discovery;

/// <summary>The two well-known metadata documents, readable from browser apps of any origin.</summary>
internal static class DiscoveryApi
{
    /// <summary>The documents' CORS policy (<see cref="CorsPolicies.Documents"/>), which the JWKS shares.</summary>
    public const string CorsPolicy = CorsPolicies.Documents;

    public static IServiceCollection AddDiscovery(this IServiceCollection services) => services.AddOAuthCors();

    public static RouteGroupBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/.well-known").RequireCors(CorsPolicy);
        group.MapGet("/openid-configuration", (IOptions<AuthServerOptions> server, HttpContext context) =>
            Document(context, DiscoveryDocuments.OpenIdConfiguration(server.Value)));
        group.MapGet("/smart-configuration", (IOptions<AuthServerOptions> server, HttpContext context) =>
            Document(context, DiscoveryDocuments.SmartConfiguration(server.Value)));
        return group;
    }

    private static IResult Document(HttpContext context, JsonObject document)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(document.ToJsonString(), "application/json; charset=utf-8");
    }
}
