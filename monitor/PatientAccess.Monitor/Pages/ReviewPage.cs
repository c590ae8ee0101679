using Microsoft.AspNetCore.Antiforgery;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;

namespace PatientAccess.Monitor.Pages;

/// <summary>
/// One review page being built, in the product's one page structure (the authserver's MemberPage):
/// a lang attribute, one h1, a skip link, a header with the plan's name, the area's navigation and
/// the language switch, an error summary with role=alert that the shared focus script focuses, and
/// fields that name their hint and error through aria-describedby. The stylesheet and script are
/// the authserver's own files, embedded (<see cref="ReviewAssets"/>).
/// </summary>
internal sealed class ReviewPage
{
    private readonly HttpContext _context;
    private readonly AntiforgeryTokenSet _tokens;

    public ReviewPage(HttpContext context, IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        T = ReviewText.Resolve(context);
        Errors = errors ?? [];
        _tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
    }

    public ReviewText T { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Shown in the header when signed in: the sign-out form.</summary>
    public bool SignedIn { get; init; }

    public Html Csrf => Html.Of($"<input type=\"hidden\" name=\"{_tokens.FormFieldName}\" value=\"{_tokens.RequestToken}\">");

    /// <summary>A labelled input or text area; its hint and error are tied to it with aria-describedby.</summary>
    public Html Field(string id, string name, string label, string? value, string type, string hint, int maxLength)
    {
        var error = Errors.FirstOrDefault(e => e.Field == id);
        var describedBy = error is null ? id + "-hint" : $"{id}-hint {id}-error";
        var invalid = error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\"");
        var control = type == "textarea"
            ? Html.Of($"<textarea id=\"{id}\" name=\"{name}\" rows=\"3\" maxlength=\"{maxLength}\" aria-describedby=\"{describedBy}\"{invalid} required>{value}</textarea>")
            : Html.Of($"<input id=\"{id}\" name=\"{name}\" type=\"{type}\" value=\"{value}\" maxlength=\"{maxLength}\" autocomplete=\"off\" aria-describedby=\"{describedBy}\"{invalid} required>");
        return Html.Of($"""
            <div class="field{(error is null ? Html.Empty : Html.Of($" invalid"))}">
            <label for="{id}">{label}</label>
            <p class="hint" id="{id}-hint">{hint}</p>
            {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"{id}-error\">{error.Message}</p>"))}
            {control}
            </div>
            """);
    }

    public Html Form(string action, Html content, string submit, bool secondary = false) => Html.Of($"""
        <form method="post" action="{action}" novalidate>
        {Csrf}{content}
        <button type="submit"{(secondary ? Html.Of($" class=\"secondary\"") : Html.Empty)}>{submit}</button>
        </form>
        """);

    /// <summary>The whole page, with the security headers every page of the product carries.</summary>
    public IResult Render(string title, Html body, int status = StatusCodes.Status200OK)
    {
        SecurityHeaders.Apply(_context);
        var other = T.Language == ReviewText.Spanish ? ReviewText.English : ReviewText.Spanish;
        var back = _context.Request.Path.Value + _context.Request.QueryString.Value;
        var signOut = !SignedIn ? Html.Empty : Html.Of($"""
            <ul class="area-nav">
            <li><form method="post" action="/reviews/signout">{Csrf}<button type="submit" class="link">{T["reviews.signout"]}</button></form></li>
            </ul>
            """);
        var html = new PageDocument
        {
            Language = T.Language,
            PlanName = T["reviews.plan"],
            ErrorTitlePrefix = T["reviews.errors.titlePrefix"],
            ErrorsHeading = T["reviews.errors.title"],
            StylesheetPath = ReviewAssets.StylePath,
            ScriptPath = ReviewAssets.ScriptPath,
            SkipText = T["reviews.skip"],
            AreaNav = signOut,
            LanguageNavLabel = T["reviews.languageNav"],
            OtherLanguage = other,
            SwitchHref = $"/reviews/language?to={other}&return={Uri.EscapeDataString(ReviewAssets.SafeReturn(back))}",
            SwitchText = ReviewText.For(other)["reviews.switchTo"],
            Footer = T["reviews.footer"],
        }.Render(title, Errors, body);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }
}
