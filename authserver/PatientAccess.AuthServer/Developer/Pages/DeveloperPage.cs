using Microsoft.AspNetCore.Antiforgery;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>
/// The portal's paths and what its pages share: the site layout (<see cref="MemberPage"/>) with the
/// portal's own navigation, and the answers for dead ends (not found, bad form, signed out).
/// </summary>
internal static class DeveloperPage
{
    public const string Home = "/developer";
    public const string SignUp = "/developer/signup";
    public const string SignIn = "/developer/signin";
    public const string Code = "/developer/code";
    public const string SignOut = "/developer/signout";
    public const string NewClient = "/developer/clients/new";

    public static string ClientPath(string clientId) => "/developer/clients/" + Uri.EscapeDataString(clientId);

    public static MemberPage Create(HttpContext context, bool signedIn, IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var t = LanguageSelector.Resolve(context);
        return new MemberPage(context) { Errors = errors ?? [], AreaNav = Nav(context, t, signedIn) };
    }

    /// <summary>A page with one paragraph: not found, expired, refused.</summary>
    public static IResult Message(HttpContext context, bool signedIn, string titleKey, string textKey, int status, Html? extra = null)
    {
        var page = Create(context, signedIn);
        return page.Render(page.T[titleKey], Html.Of($"<p>{page.T[textKey]}</p>{extra}"), status);
    }

    /// <summary>The same answer for an app that does not exist and one that is someone else's.</summary>
    public static IResult NotFound(HttpContext context) =>
        Message(context, true, "developer.notFound.title", "developer.notFound.text", StatusCodes.Status404NotFound,
            Html.Of($"<p><a href=\"{Home}\">{LanguageSelector.Resolve(context)["developer.nav.apps"]}</a></p>"));

    /// <summary>A post without a valid antiforgery token, or malformed: nothing was changed.</summary>
    public static IResult BadForm(HttpContext context, bool signedIn) =>
        Message(context, signedIn, "errors.formTitle", "developer.badForm.text", StatusCodes.Status400BadRequest,
            Html.Of($"<p><a href=\"{Home}\">{LanguageSelector.Resolve(context)["developer.nav.home"]}</a></p>"));

    /// <summary>A page that needs a signed-in developer, asked for without one.</summary>
    public static IResult SignInFirst(HttpContext context) =>
        Message(context, false, "developer.signedOut.title", "developer.signedOut.text", StatusCodes.Status401Unauthorized,
            Html.Of($"<p><a class=\"button\" href=\"{SignIn}\">{LanguageSelector.Resolve(context)["developer.signin.title"]}</a></p>"));

    private static Html Nav(HttpContext context, MemberText t, bool signedIn)
    {
        if (!signedIn)
        {
            return Html.Of($"""
                <nav aria-label="{t["developer.nav.label"]}"><ul class="area-nav">
                <li><a href="{Home}">{t["developer.nav.home"]}</a></li>
                <li><a href="{SignIn}">{t["developer.signin.title"]}</a></li>
                <li><a href="{SignUp}">{t["developer.signup.title"]}</a></li>
                </ul></nav>
                """);
        }

        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Html.Of($"""
            <nav aria-label="{t["developer.nav.label"]}"><ul class="area-nav">
            <li><a href="{Home}">{t["developer.nav.apps"]}</a></li>
            <li><a href="{NewClient}">{t["developer.nav.new"]}</a></li>
            <li><form method="post" action="{SignOut}"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}"><button type="submit" class="link">{t["developer.nav.signout"]}</button></form></li>
            </ul></nav>
            """);
    }
}
