namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>
/// The document shell every page of the product shares (member pages, portal, gallery, staff here;
/// the monitor's review pages link this file): language, title, the one stylesheet and script, skip
/// link, header with the plan's name, area navigation and language switch, one h1, the error summary
/// and the footer. Each service passes its own words and paths; the markup is the same everywhere.
/// </summary>
internal sealed record PageDocument
{
    public required string Language { get; init; }

    public required string PlanName { get; init; }

    /// <summary>Put before the title when the page shows errors (e.g. "Error: ").</summary>
    public required string ErrorTitlePrefix { get; init; }

    public required string ErrorsHeading { get; init; }

    public required string StylesheetPath { get; init; }

    public required string ScriptPath { get; init; }

    public required string SkipText { get; init; }

    public Html AreaNav { get; init; } = Html.Empty;

    public required string LanguageNavLabel { get; init; }

    /// <summary>The other language's code, where its switch points, and its name in its own words.</summary>
    public required string OtherLanguage { get; init; }

    public required string SwitchHref { get; init; }

    public required string SwitchText { get; init; }

    public required string Footer { get; init; }

    public Html Render(string title, IReadOnlyList<FieldError> errors, Html body)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var summary = errors.Count == 0 ? Html.Empty : Html.Of($"""
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
            <h2>{ErrorsHeading}</h2>
            <ul>{Html.Join(errors.Select(e => Html.Of($"<li><a href=\"#{e.Field}\">{e.Message}</a></li>")))}</ul>
            </div>
            """);
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="{Language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{(errors.Count == 0 ? string.Empty : ErrorTitlePrefix)}{title} – {PlanName}</title>
            <link rel="stylesheet" href="{StylesheetPath}">
            <script src="{ScriptPath}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">{SkipText}</a>
            <header>
            <p class="plan">{PlanName}</p>
            {AreaNav}
            <nav aria-label="{LanguageNavLabel}">
            <a href="{SwitchHref}" lang="{OtherLanguage}" hreflang="{OtherLanguage}">{SwitchText}</a>
            </nav>
            </header>
            <main id="main" tabindex="-1">
            <h1>{title}</h1>
            {summary}
            {body}
            </main>
            <footer><p>{Footer}</p></footer>
            </body>
            </html>
            """);
    }
}
