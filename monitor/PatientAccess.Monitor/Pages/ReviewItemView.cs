using System.Globalization;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Pages;

/// <summary>
/// One flag on the review page: a section headed by the app and the detector, the evidence in
/// numbers, the action's steps as a captioned table, the decision if any, and the decision forms
/// while the flag waits for staff (reinstate only where the app was suspended; revoke with a reason).
/// </summary>
internal static class ReviewItemView
{
    public const int MaxReason = 500;

    public static Html Render(ReviewPage page, ReviewItem item, IReadOnlyDictionary<string, string> reasons)
    {
        var t = page.T;
        var id = FieldId(item.Id);
        var e = item.Evidence;
        var detector = t["reviews.detectorName." + item.Detector];
        return Html.Of($"""
            <section class="flag" aria-labelledby="flag-{id}">
            <h2 id="flag-{id}">{item.ClientId}: {detector}</h2>
            <dl class="staff">
            <dt>{t["reviews.app"]}</dt><dd><code>{item.ClientId}</code></dd>
            <dt>{t["reviews.detector"]}</dt><dd>{detector} (<code>{item.Detector}</code>)</dd>
            <dt>{t["reviews.action"]}</dt><dd>{t["reviews.actionName." + item.Action]}</dd>
            <dt>{t["reviews.state"]}</dt><dd>{t["reviews.stateName." + item.State]}</dd>
            <dt>{t["reviews.flaggedAt"]}</dt><dd>{t.Time(item.FlaggedAt)}</dd>
            <dt>{t["reviews.explanation"]}</dt><dd>{item.Explanation}</dd>
            </dl>
            <h3>{t["reviews.evidence"]}</h3>
            <dl class="staff">
            <dt>{t["reviews.evidence.count"]}</dt><dd>{e.Count}</dd>
            <dt>{t["reviews.evidence.threshold"]}</dt><dd>{Number(e.Threshold)}</dd>
            <dt>{t["reviews.evidence.window"]}</dt><dd>{t.Format("reviews.evidence.windowValue", e.WindowSeconds, t.Time(e.WindowStart), t.Time(e.WindowEnd))}</dd>
            {Optional(t["reviews.evidence.total"], e.Total?.ToString(CultureInfo.InvariantCulture))}
            {Optional(t["reviews.evidence.expected"], e.Expected is { } expected ? Number(expected) : null)}
            {Optional(t["reviews.evidence.history"], e.HistoryWindows?.ToString(CultureInfo.InvariantCulture))}
            {Optional(t["reviews.evidence.probability"], e.Probability?.ToString("G3", CultureInfo.InvariantCulture))}
            <dt>{t["reviews.evidence.samples"]}</dt><dd><ul>{Html.Join(e.SampleEventIds.Select(s => Html.Of($"<li><code>{s}</code></li>")))}</ul></dd>
            </dl>
            <h3>{t["reviews.steps"]}</h3>
            {Steps(t, item)}
            {Decision(t, item.Decision)}
            {Forms(page, item, id, reasons.GetValueOrDefault(item.Id))}
            </section>
            """);
    }

    /// <summary>The reason field's id for a flag: only id-safe characters, so a flag id can never break the markup or the error link.</summary>
    public static string FieldId(string flagId) =>
        "reason-" + new string([.. flagId.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(64)]);

    private static Html Steps(ReviewText t, ReviewItem item)
    {
        if (item.Steps.Count == 0)
        {
            return Html.Of($"<p>{t["reviews.steps.none"]}</p>");
        }

        var rows = Html.Join(item.Steps.Select(s => Html.Of($"""
            <tr><th scope="row">{t["reviews.step." + s.Name]}</th><td>{t["reviews.stepState." + s.State]}</td><td>{t.Time(s.At)}</td><td>{s.Count?.ToString(CultureInfo.InvariantCulture) ?? "–"}</td></tr>
            """)));
        return Html.Of($"""
            <table class="staff">
            <caption>{t.Format("reviews.steps.caption", item.ClientId)}</caption>
            <thead><tr><th scope="col">{t["reviews.steps.name"]}</th><th scope="col">{t["reviews.steps.state"]}</th><th scope="col">{t["reviews.steps.at"]}</th><th scope="col">{t["reviews.steps.count"]}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static Html Decision(ReviewText t, ReviewDecision? decision) => decision is null ? Html.Empty : Html.Of($"""
        <h3>{t["reviews.decision"]}</h3>
        <p>{t.Format("reviews.decision.value", t["reviews.decisionKind." + decision.Kind], decision.Actor, t.Time(decision.At), decision.Reason)}</p>
        """);

    private static Html Forms(ReviewPage page, ReviewItem item, string id, string? reason)
    {
        var t = page.T;
        if (item.State is not (ReviewStates.Open or ReviewStates.Alert or ReviewStates.Failed))
        {
            return Html.Empty;
        }

        var app = Uri.EscapeDataString(item.ClientId);
        var field = Html.Of($"""
            <input type="hidden" name="flag" value="{item.Id}">
            {page.Field(id, "reason", t["reviews.reason"], reason, "textarea", t["reviews.reason.hint"], MaxReason)}
            """);
        var reinstate = item.Action == ActionNames.Suspend
            ? Html.Of($"<button type=\"submit\" formaction=\"/reviews/apps/{app}/reinstate\">{t.Format("reviews.reinstate", item.ClientId)}</button>")
            : Html.Empty;
        return Html.Of($"""
            <form method="post" action="/reviews/apps/{app}/revoke" novalidate>
            {page.Csrf}{field}
            {reinstate}
            <button type="submit" class="secondary" formaction="/reviews/apps/{app}/revoke">{t.Format("reviews.revoke", item.ClientId)}</button>
            </form>
            """);
    }

    private static Html Optional(string label, string? value) =>
        value is null ? Html.Empty : Html.Of($"<dt>{label}</dt><dd>{value}</dd>");

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
