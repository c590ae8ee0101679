using PatientAccess.Data;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRedis();
builder.Services.AddDatabase("monitor.db");

var app = builder.Build();
app.MapDefaultEndpoints();

return app.RunService();
