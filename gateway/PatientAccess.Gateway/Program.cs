using PatientAccess.Gateway.Proxy;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRedis();
builder.Services.AddFhirProxy();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReverseProxy();

return app.RunService();
