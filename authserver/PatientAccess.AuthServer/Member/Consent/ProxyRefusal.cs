using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// The page a member sees when a later step finds the proxy rules no longer allow their choice
/// (a forged form, a birthday since the choice, a changed configuration): the reason, and the way
/// back to the app with <c>access_denied</c>.
/// </summary>
internal static class ProxyRefusal
{
    public static async Task<IResult> ShowAsync(HttpContext context, ConsentState consent, PendingAuthorizationView request, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(request);
        var page = new MemberPage(context);
        var t = page.T;
        var body = Html.Of($"""
            <p role="alert">{reason}</p>
            <p><a href="{MemberFlow.Choose}">{t["proxy.chooseAgain"]}</a></p>
            {page.Form(MemberFlow.Approve, Html.Empty, t["sandbox.back"], "decision", "deny")}
            """);
        return page.Render(t["proxy.refused.title"], body, StatusCodes.Status403Forbidden, await consent.RedirectOriginAsync(request.RequestId, cancellationToken));
    }
}
