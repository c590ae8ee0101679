using PatientAccess.Data;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDatabase("fhir-store.db");

var app = builder.Build();
app.MapDefaultEndpoints();

return app.RunService();
