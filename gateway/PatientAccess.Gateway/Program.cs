using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientAccess.Gateway.Audit;
using PatientAccess.Gateway.Discovery;
using PatientAccess.Gateway.Geo;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.Gateway.Proxy;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.Gateway.Revocation;
using PatientAccess.Gateway.Tokens;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<GatewayMetrics>();
builder.Services.AddRedis();
builder.Services.AddPolicyChain();
builder.Services.AddGeoRule();
builder.Services.AddTokenValidation();
builder.Services.AddRevocation();
builder.Services.AddRateLimits();
builder.Services.AddAudit();
builder.Services.AddDiscovery();
builder.Services.AddFhirProxy();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UsePolicyChain();
app.MapDiscoveryApi();
app.MapFhirProxy();
app.MapNotFound();

return app.RunService();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
