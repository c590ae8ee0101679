using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Configuration;

namespace PatientAccess.AuthServer.Discovery;

/// <summary>The two well-known metadata documents, readable from browser apps of any origin.</summary>
internal static class DiscoveryApi
{
    /// <summary>Any origin, no credentials: for the documents and endpoints browser-based SMART apps call directly.</summary>
    public const string CorsPolicy = "oauth-public";

    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

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
