using PatientAccess.AuthServer.Developer.Api;
using PatientAccess.AuthServer.Developer.Evidence;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Developer.Pages;

namespace PatientAccess.AuthServer.Developer;

/// <summary>
/// The developer portal: server-rendered pages under <c>/developer</c> (English and Spanish, the
/// site's layout), the same operations as JSON under <c>/api/developer</c>, and app logos at
/// <c>/developer/logos/{client_id}</c>; and the step that records successful demo token exchanges
/// as evidence right after the token endpoint answers them.
/// </summary>
internal static class DeveloperEndpoints
{
    public static WebApplication MapDeveloperPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDemoEvidenceCopy();
        HomePage.Map(app);
        AccountPages.Map(app);
        ClientFormPages.Map(app);
        ClientViewPage.Map(app);
        LogoEndpoints.Map(app);
        var api = app.MapGroup("/api/developer");
        AccountApi.Map(api);
        ClientApi.Map(api);
        return app;
    }
}
