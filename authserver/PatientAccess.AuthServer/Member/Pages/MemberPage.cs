using Microsoft.AspNetCore.Antiforgery;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Security;

namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>
/// One member page being built: its language, its antiforgery token, and the pieces every page
/// shares (layout, labelled fields, forms). Accessibility lives here once: a lang attribute, one
/// h1, a skip link, an error summary with role=alert that member.js focuses, and fields that
/// name their hint and error through aria-describedby.
/// </summary>
internal sealed class MemberPage
{
    private readonly HttpContext _context;
    private readonly AntiforgeryTokenSet _tokens;

    public MemberPage(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        T = LanguageSelector.Resolve(context);
        _tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
    }

    public MemberText T { get; }

    public HttpContext Context => _context;

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// <summary>Links for the area's own navigation (portal, staff), shown in the header beside the language switch.</summary>
    public Html? AreaNav { get; init; }

    /// <summary>Where the language switch returns to, when not this page's own path (a path with its query, checked by <see cref="LanguageSelector.SafeReturn"/>).</summary>
    public string? LanguageReturn { get; init; }

    public Html Csrf => Html.Of($"<input type=\"hidden\" name=\"{_tokens.FormFieldName}\" value=\"{_tokens.RequestToken}\">");

    public Html Form(string action, Html content, string submit, string? buttonName = null, string? buttonValue = null) => Html.Of($"""
        <form method="post" action="{action}" novalidate>
        {Csrf}{content}
        {Button(submit, buttonName, buttonValue)}
        </form>
        """);

    public static Html Button(string text, string? name = null, string? value = null, bool secondary = false) => name is null
        ? Html.Of($"<button type=\"submit\"{(secondary ? Html.Of($" class=\"secondary\"") : Html.Empty)}>{text}</button>")
        : Html.Of($"<button type=\"submit\" name=\"{name}\" value=\"{value}\"{(secondary ? Html.Of($" class=\"secondary\"") : Html.Empty)}>{text}</button>");

    /// <summary>A labelled input; its hint and error are tied to it with aria-describedby.</summary>
    public Html Field(string id, string label, string? value, string type = "text", string? autocomplete = null, string? hint = null, int maxLength = 100, string? inputMode = null)
    {
        var error = Errors.FirstOrDefault(e => e.Field == id);
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        return Html.Of($"""
            <div class="field{(error is null ? Html.Empty : Html.Of($" invalid"))}">
            <label for="{id}">{label}</label>
            {(hint is null ? Html.Empty : Html.Of($"<p class=\"hint\" id=\"{id}-hint\">{hint}</p>"))}
            {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"{id}-error\">{error.Message}</p>"))}
            <input id="{id}" name="{id}" type="{type}" value="{value}" maxlength="{maxLength}"{Optional("autocomplete", autocomplete)}{Optional("inputmode", inputMode)}{Optional("aria-describedby", describedBy.Length == 0 ? null : describedBy)}{(error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\""))} required>
            </div>
            """);
    }

    /// <summary>The whole page, with the security headers every member page carries.</summary>
    public IResult Render(string title, Html body, int status = StatusCodes.Status200OK, string? formTarget = null)
    {
        SecurityHeaders.Apply(_context, formTarget);
        var other = T.Language == MemberText.Spanish ? MemberText.English : MemberText.Spanish;
        var back = LanguageReturn ?? _context.Request.Path.Value ?? "/member";
        var html = new PageDocument
        {
            Language = T.Language,
            PlanName = T["plan.name"],
            ErrorTitlePrefix = T["errors.titlePrefix"],
            ErrorsHeading = T["errors.title"],
            StylesheetPath = "/member/assets/site.css",
            ScriptPath = "/member/assets/member.js",
            SkipText = T["layout.skip"],
            AreaNav = AreaNav ?? Html.Empty,
            LanguageNavLabel = T["layout.languageNav"],
            OtherLanguage = other,
            SwitchHref = $"/member/language?to={other}&return={Uri.EscapeDataString(back)}",
            SwitchText = MemberText.For(other)["layout.switchTo"],
            Footer = T["layout.footer"],
        }.Render(title, Errors, body);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    private static Html Optional(string attribute, string? value) =>
        value is null ? Html.Empty : Html.Of($" {Html.Trusted(attribute)}=\"{value}\"");
}
