using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>Where each step leads, and the answers shared by every page.</summary>
internal static class MemberFlow
{
    public const string Register = "/member/register";
    public const string Email = "/member/email";
    public const string SignIn = "/member/signin";
    public const string Code = "/member/code";
    public const string Choose = "/member/choose";
    public const string Sharing = "/member/sharing";
    public const string Approve = "/member/approve";
    public const string Apps = "/member/apps";

    /// <summary>303: after a POST the browser fetches the next page with GET, so reload never re-posts.</summary>
    public static IResult SeeOther(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.Location = path;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    public static string AfterSignIn(MemberSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.RequestId is null ? Apps : Choose;
    }

    /// <summary>A page with a heading and one paragraph: dead ends, refusals, "not available".</summary>
    public static IResult Message(HttpContext context, string titleKey, string textKey, int status, Html? extra = null)
    {
        var page = new MemberPage(context);
        return page.Render(page.T[titleKey], Html.Of($"<p>{page.T[textKey]}</p>{extra}"), status);
    }

    /// <summary>The answer to a post without a valid antiforgery token, or too large or malformed.</summary>
    public static IResult BadForm(HttpContext context) =>
        Message(context, "errors.formTitle", "errors.formText", StatusCodes.Status400BadRequest,
            Html.Of($"<p><a href=\"/member\">{new MemberPage(context).T["errors.startAgain"]}</a></p>"));

    /// <summary>Pages reached out of order (expired session, skipped step) start over at the right place.</summary>
    public static IResult Expired(HttpContext context) =>
        Message(context, "errors.sessionTitle", "errors.sessionText", StatusCodes.Status400BadRequest,
            Html.Of($"<p><a href=\"{SignIn}\">{new MemberPage(context).T["signin.link"]}</a></p>"));
}
