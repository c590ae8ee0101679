using PatientAccess.Data;
using PatientAccess.Monitor.Actions;
using PatientAccess.Monitor.Api;
using PatientAccess.Monitor.Consumer;
using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Flags;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Retention;
using PatientAccess.Monitor.Staff;
using PatientAccess.Monitor.Storage;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MonitorMetrics>();
builder.Services.AddRedis();
builder.Services.AddDatabase("monitor.db");
builder.Services.AddAuditStore();
builder.Services.AddDetection();
builder.Services.AddActions();
builder.Services.AddFlags();
builder.Services.AddAuditConsumer();
builder.Services.AddRetention();
builder.Services.AddStaffCredential();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseStaffCredential();
app.MapReviewApi();
app.MapAuditEventApi();
app.MapMonitorNotFound();

return app.RunService();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
