using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// The page shown when the server must not redirect (unknown client, unregistered redirect_uri,
/// blocked app): RFC 6749 §4.1.2.1 forbids sending the member to an unverified address. It is a
/// site page like every other (plan header, language switch, the member's language, the member
/// pages' security headers); the protocol's own English detail, when there is one, is shown as
/// such and the error code stays as RFC 6749 names it, for the app's developer.
/// </summary>
internal static class ErrorPage
{
    public const string ClientIdRequired = "authorizeError.clientIdRequired";
    public const string UnknownClient = "authorizeError.unknownClient";
    public const string Blocked = "authorizeError.blocked";
    public const string RedirectRequired = "authorizeError.redirectRequired";
    public const string RedirectNotRegistered = "authorizeError.redirectNotRegistered";
    public const string Malformed = "authorizeError.malformed";
    public const string TestFlowPublic = "authorizeError.testFlowPublic";

    public static IResult Show(HttpContext context, string error, string messageKey, int status = StatusCodes.Status400BadRequest, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The switch comes back here with the same query, so the member reads the same answer in the other language.
        var page = new MemberPage(context) { LanguageReturn = HttpMethods.IsGet(context.Request.Method) ? context.Request.Path + context.Request.QueryString : null };
        var t = page.T;
        var body = Html.Of($"""
            <p role="alert">{t[messageKey]}</p>
            {(detail is null ? Html.Empty : Html.Of($"<p>{t["authorizeError.detail"]} <span lang=\"en\">{detail}</span></p>"))}
            <p>{t["authorizeError.code"]} <code>{error}</code></p>
            <p>{t["authorizeError.next"]}</p>
            """);
        return page.Render(t["authorizeError.title"], body, status);
    }
}
