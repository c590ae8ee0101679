using PatientAccess.Data;
using PatientAccess.Monitor.Actions;
using PatientAccess.Monitor.Api;
using PatientAccess.Monitor.Consumer;
using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Flags;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Pages;
using PatientAccess.Monitor.Reports;
using PatientAccess.Monitor.Retention;
using PatientAccess.Monitor.Staff;
using PatientAccess.Monitor.Storage;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Redis;

if (ReportCommand.Matches(args))
{
    return await ReportCommand.RunAsync(args, Console.Out, Console.Error);
}

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
builder.Services.AddReports();
builder.Services.AddReviewPages();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseStaffCredential();
app.MapReviewApi();
app.MapAuditEventApi();
app.MapReportsApi();
app.MapReviewPages();
app.MapMonitorNotFound();

return app.RunService();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
