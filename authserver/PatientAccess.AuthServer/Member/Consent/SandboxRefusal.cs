using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>The page a member sees when a sandbox (still in testing) app, or the plan's test flow, asks for a real member's records.</summary>
internal static class SandboxRefusal
{
    public static async Task<IResult> ShowAsync(HttpContext context, ConsentState consent, PendingAuthorizationView request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(request);
        var page = new MemberPage(context);
        var t = page.T;
        var body = Html.Of($"""
            <p role="alert">{t.Format(request.TestFlow ? "sandbox.testFlow" : "sandbox.text", request.ClientName)}</p>
            {page.Form(MemberFlow.Approve, Html.Empty, t["sandbox.back"], "decision", "deny")}
            """);
        return page.Render(t["sandbox.title"], body, StatusCodes.Status403Forbidden, await consent.RedirectOriginAsync(request.RequestId, cancellationToken));
    }
}
