using PatientAccess.AuthServer.Member.Assets;
using PatientAccess.AuthServer.Member.Codes;
using PatientAccess.AuthServer.Member.ConnectedApps;
using PatientAccess.AuthServer.Member.Consent;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Member;

/// <summary>
/// The member auth app under <c>/member</c>: server-rendered pages in English and Spanish from
/// the authorize redirect to the app's callback, and "connected apps"; and the site's landing page at <c>/</c>.
/// </summary>
internal static class MemberAppEndpoints
{
    public static RouteGroupBuilder MapMemberApp(this IEndpointRouteBuilder app)
    {
        LandingPage.Map(app);
        var group = app.MapGroup("/member");
        StartPages.Map(group);
        IdentityPages.Map(group);
        EmailPages.Map(group);
        CodePages.Map(group);
        ChoosePages.Map(group);
        SharingPages.Map(group);
        ApprovePages.Map(group);
        ConnectedAppsPages.Map(group);
        AssetEndpoints.Map(group);
        return group;
    }
}
