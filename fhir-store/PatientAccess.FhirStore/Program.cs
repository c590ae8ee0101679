using PatientAccess.FhirStore;
using PatientAccess.FhirStore.Api;
using PatientAccess.FhirStore.Import;
using PatientAccess.ServiceDefaults;
using PatientAccess.ServiceDefaults.Hosting;

var command = StoreCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
builder.AddServiceDefaults();
builder.Services.AddFhirStore();

var app = builder.Build();
if (command is not null)
{
    return await command.RunAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
}

app.MapDefaultEndpoints();
app.MapImportApi();
app.MapFhirApi();

return app.RunService();
