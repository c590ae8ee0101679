using System.Globalization;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// The review queue: pending requests, and one request's page with what the developer sent, the
/// attestation, the demo evidence and the approve/deny form (a reason is required either way).
/// </summary>
internal static class StaffRequestPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(StaffPage.Requests, async (HttpContext context, ProductionRequests requests, CancellationToken cancellationToken) =>
        {
            if (await StaffPage.ActorAsync(context, cancellationToken) is null)
            {
                return StaffPage.Unauthorized(context);
            }

            var page = StaffPage.New(context);
            var t = page.T;
            var pending = await requests.ListAsync(ProductionRequestStatus.Pending, cancellationToken);
            var decided = context.Request.Query["decided"].ToString();
            var notice = decided is "approved" or "denied" ? Html.Of($"<p class=\"notice\" role=\"status\">{t["staff.requests." + decided]}</p>") : Html.Empty;
            var list = pending.Count == 0 ? Html.Of($"<p>{t["staff.requests.none"]}</p>") : Html.Of($"""
                <table class="staff">
                <caption>{t["staff.requests.caption"]}</caption>
                <thead><tr><th scope="col">{t["staff.field.client"]}</th><th scope="col">{t["staff.field.company"]}</th><th scope="col">{t["staff.field.submitted"]}</th></tr></thead>
                <tbody>{Html.Join(pending.Select(r => Html.Of($"<tr><td><a href=\"{StaffPage.Requests}/{r.RequestId}\">{r.ClientId}</a></td><td>{r.Company}</td><td>{StaffPage.Date(DateTimeOffset.FromUnixTimeSeconds(r.SubmittedAt), t)}</td></tr>")))}</tbody>
                </table>
                """);
            return page.Render(t["staff.requests.title"], Html.Of($"{notice}{list}{StaffPage.SignOut(page)}"));
        });
        app.MapGet(StaffPage.Requests + "/{requestId}", async (string requestId, HttpContext context, CancellationToken cancellationToken) =>
            await StaffPage.ActorAsync(context, cancellationToken) is null ? StaffPage.Unauthorized(context) : await ShowAsync(context, requestId, [], cancellationToken));
        app.MapPost(StaffPage.Requests + "/{requestId}/decision", async (string requestId, HttpContext context, ProductionRequests requests, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (await StaffPage.ActorAsync(context, cancellationToken) is not { } actor)
            {
                return StaffPage.Unauthorized(context);
            }

            var decision = form["decision"].ToString();
            var reason = StaffApi.Reason(form["reason"].ToString());
            var t = Member.Localization.LanguageSelector.Resolve(context);
            if (reason is null || decision is not ("approve" or "deny"))
            {
                return await ShowAsync(context, requestId, [new FieldError("reason", t.Format("staff.reason.error", StaffApi.MaxReasonLength))], cancellationToken, StatusCodes.Status400BadRequest);
            }

            var outcome = await requests.DecideAsync(requestId, decision == "approve", actor, reason, cancellationToken);
            return outcome.Done
                ? MemberFlow.SeeOther(context, StaffPage.Requests + "?decided=" + (decision == "approve" ? "approved" : "denied"))
                : MemberFlow.Message(context, "staff.request.heading", outcome.ProblemKey!, outcome.Status);
        });
        app.MapGet(StaffPage.Requests + "/{requestId}/{kind}", async (string requestId, string kind, HttpContext context, ProductionRequests requests, CancellationToken cancellationToken) =>
        {
            if (await StaffPage.ActorAsync(context, cancellationToken) is null)
            {
                return StaffPage.Unauthorized(context);
            }

            var file = requestId.Length <= 64 && kind is ProductionRequests.LogoKind or ProductionRequests.CertificateKind
                ? await requests.FileAsync(requestId, kind, cancellationToken) : null;
            if (file is null)
            {
                return Results.NotFound();
            }

            // Served as what the content is, never rendered as a page: no sniffing, no scripts, private.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.ContentType, kind == ProductionRequests.CertificateKind ? $"certificate-{requestId}{Extension(file.ContentType)}" : null);
        });
    }

    private static string Extension(string contentType) => contentType switch
    {
        FileContent.Pdf => ".pdf",
        FileContent.Png => ".png",
        _ => ".jpg",
    };

    private static async Task<IResult> ShowAsync(HttpContext context, string requestId, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var services = context.RequestServices;
        var found = requestId.Length <= 64 ? await services.GetRequiredService<ProductionRequests>().FindAsync(requestId, cancellationToken) : null;
        if (found is not { } pair)
        {
            return MemberFlow.Message(context, "staff.request.heading", "staff.decision.notFound", StatusCodes.Status404NotFound);
        }

        var (r, a) = pair;

        var client = await services.GetRequiredService<ClientRegistry>().FindAsync(r.ClientId, cancellationToken);
        var (exchanges, last) = await services.GetRequiredService<DemoEvidence>().ForClientAsync(r.ClientId, cancellationToken);
        var logo = await services.GetRequiredService<ProductionRequests>().FileAsync(r.RequestId, ProductionRequests.LogoKind, cancellationToken);
        var page = StaffPage.New(context, errors);
        var t = page.T;
        string YesNo(bool value) => t[value ? "production.yes" : "production.no"];
        Html Row(string key, Html value) => Html.Of($"<dt>{t[key]}</dt><dd>{value}</dd>");
        Html Text(string? value) => Html.Of($"{value}");
        Html Link(string value) => Html.Of($"<a href=\"{value}\" rel=\"noopener noreferrer\">{value}</a>");
        var logoHtml = logo is not null
            ? Html.Of($"<img src=\"{StaffPage.Requests}/{r.RequestId}/logo\" alt=\"{t.Format("staff.field.logoAlt", client?.Name ?? r.ClientId)}\" width=\"64\" height=\"64\">")
            : Text(r.ReusedLogoUri ?? "–");
        var answers = a.Answers.Select((answer, i) =>
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            return Html.Of($"<li>{t[$"production.q{n}.text"]} <strong>{t["production." + answer]}</strong></li>");
        });
        var certificate = a.HasCertificate ? Html.Of($"<p><a href=\"{StaffPage.Requests}/{r.RequestId}/certificate\">{t["staff.attestation.certificate"]}</a></p>") : Html.Empty;
        var evidence = exchanges == 0 ? t["staff.evidence.none"] : t.Format("staff.evidence.some", exchanges, StaffPage.Date(last!.Value, t));
        var decision = r.Status == ProductionRequestStatus.Pending
            ? Html.Of($"""
                <h2>{t["staff.decision.heading"]}</h2>
                <form method="post" action="{StaffPage.Requests}/{r.RequestId}/decision" novalidate>
                {page.Csrf}
                {FormFields.TextArea(page, "reason", t["staff.reason"], null, StaffApi.MaxReasonLength, t["staff.reason.hint"])}
                {MemberPage.Button(t["staff.approve"], "decision", "approve")}
                {MemberPage.Button(t["staff.deny"], "decision", "deny", secondary: true)}
                </form>
                """)
            : Html.Of($"<h2>{t["staff.decision.heading"]}</h2><p>{t.Format("staff.decision.made", t["staff.status." + r.Status.ToString().ToLowerInvariant()], r.DecidedBy, StaffPage.Date(DateTimeOffset.FromUnixTimeSeconds(r.DecidedAt ?? 0), t))}</p><p>{r.DecisionReason}</p>");
        var body = Html.Of($"""
            <dl class="staff">
            {Row("staff.field.client", Html.Of($"{r.ClientId} ({client?.Name}, {client?.Status.ToString().ToLowerInvariant()})"))}
            {Row("staff.field.developer", Text(r.DeveloperEmail))}
            {Row("production.company", Text(r.Company))}
            {Row("production.description", Text(r.Description))}
            {Row("production.purpose", Text(r.Purpose))}
            {Row("production.customers", Text(t["production.customers." + r.Customers]))}
            {Row("production.consumerCost", Text(r.ConsumerCost ?? "–"))}
            {Row("production.terms", Link(r.TermsOfServiceUri))}
            {Row("production.privacy", Link(r.PrivacyPolicyUri))}
            {Row("production.logo", logoHtml)}
            {Row("production.supportEmail", Text(r.SupportEmail))}
            {Row("production.securityContact", Text(r.SecurityContact))}
            {Row("production.testInstance", Text(YesNo(r.TestInstance)))}
            {Row("production.share", Text(YesNo(r.ShareWithCustomers)))}
            {Row("production.plans", Text(r.AllPlans ? t["production.plans.all"] : r.PlanNames))}
            {Row("staff.field.submitted", Text(StaffPage.Date(DateTimeOffset.FromUnixTimeSeconds(r.SubmittedAt), t)))}
            </dl>
            <h2>{t["production.attestation"]}</h2>
            <p>{t.Format("staff.attestation.answered", StaffPage.Date(DateTimeOffset.FromUnixTimeSeconds(a.AnsweredAt), t))}</p>
            <ol class="attestation">{Html.Join(answers)}</ol>
            {certificate}
            <h2>{t["staff.evidence.heading"]}</h2>
            <p>{evidence}</p>
            {decision}
            {StaffPage.SignOut(page)}
            """);
        return page.Render(t.Format("staff.request.title", r.Company, r.ClientId), body, status);
    }
}
