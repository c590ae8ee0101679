using PatientAccess.FhirStore;
using PatientAccess.FhirStore.Api;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddFhirStore();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFhirApi();

return app.RunService();
