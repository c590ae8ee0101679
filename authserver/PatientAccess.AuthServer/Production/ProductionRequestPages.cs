using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// The developer's production access request at <c>/developer/clients/{client_id}/production</c>:
/// the request form with the attestation, or where the last request stands. Only the developer who
/// owns the client (<see cref="IClientOwnership"/>) sees it; anyone else gets the same 404 as for
/// a client that does not exist.
/// </summary>
internal static class ProductionRequestPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/developer/clients/{clientId}/production", async (string clientId, HttpContext context, IClientOwnership ownership, ClientRegistry clients, ProductionRequests requests, CancellationToken cancellationToken) =>
        {
            var client = await OwnedAsync(context, clientId, ownership, clients, cancellationToken);
            if (client is null)
            {
                return NotYours(context);
            }

            var latest = await requests.LatestForClientAsync(clientId, cancellationToken);
            return Show(context, [], client, latest, new ProductionSubmission(), context.Request.Query.ContainsKey("submitted"));
        });
        app.MapPost("/developer/clients/{clientId}/production", async (string clientId, HttpContext context, IClientOwnership ownership, ClientRegistry clients,
            ProductionRequests requests, IOptions<ProductionOptions> options, LogoStore logos, CancellationToken cancellationToken) =>
        {
            var submission = await ProductionForm.ReadAsync(context, options.Value, cancellationToken);
            if (submission is null)
            {
                return MemberFlow.BadForm(context);
            }

            var email = await ownership.OwnerEmailAsync(context, clientId, cancellationToken);
            var client = email is null ? null : await clients.FindAsync(clientId, cancellationToken);
            if (client is null)
            {
                return NotYours(context);
            }

            var t = LanguageSelector.Resolve(context);
            var errors = SubmissionCheck.Check(submission, t, options.Value, await CurrentLogoAsync(logos, clientId, cancellationToken));
            if (errors.Count > 0)
            {
                return Show(context, errors, client, null, submission, submitted: false, StatusCodes.Status400BadRequest);
            }

            var outcome = await requests.SubmitAsync(client, email!, t.Language, submission, cancellationToken);
            return outcome.RequestId is null
                ? MemberFlow.Message(context, "production.title", outcome.ProblemKey!, StatusCodes.Status409Conflict)
                : MemberFlow.SeeOther(context, $"/developer/clients/{Uri.EscapeDataString(clientId)}/production?submitted");
        });
    }

    private static async Task<ClientRecord?> OwnedAsync(HttpContext context, string clientId, IClientOwnership ownership, ClientRegistry clients, CancellationToken cancellationToken) =>
        clientId.Length <= 200 && await ownership.OwnerEmailAsync(context, clientId, cancellationToken) is not null ? await clients.FindAsync(clientId, cancellationToken) : null;

    private static IResult NotYours(HttpContext context) => MemberFlow.Message(context, "production.title", "production.notYours", StatusCodes.Status404NotFound);

    private static IResult Show(HttpContext context, IReadOnlyList<FieldError> errors, ClientRecord client, ProductionRequestRecord? latest, ProductionSubmission values, bool submitted, int status = StatusCodes.Status200OK)
    {
        var t = LanguageSelector.Resolve(context);
        var nav = Html.Of($"<nav aria-label=\"{t["production.nav"]}\"><a href=\"/developer/clients/{client.ClientId}\">{t["production.backToClient"]}</a></nav>");
        var page = new MemberPage(context) { Errors = errors, AreaNav = nav };
        Html state = latest?.Status switch
        {
            ProductionRequestStatus.Pending => Html.Of($"<p class=\"notice\" role=\"status\">{t.Format(submitted ? "production.submitted" : "production.pending", Date(latest!.SubmittedAt, t.Culture))}</p>"),
            ProductionRequestStatus.Approved => Html.Of($"<p class=\"notice\" role=\"status\">{t.Format("production.approved", Date(latest!.DecidedAt ?? 0, t.Culture))}</p>"),
            ProductionRequestStatus.Denied => Html.Of($"<div class=\"notice\" role=\"status\"><p>{t.Format("production.denied", Date(latest!.DecidedAt ?? 0, t.Culture))}</p><p>{latest.DecisionReason}</p></div>"),
            _ => Html.Empty,
        };
        var form = latest?.Status == ProductionRequestStatus.Pending ? Html.Empty : Form(page, client, values);
        var body = Html.Of($"""
            {state}
            <p>{t.Format("production.intro", client.Name)}</p>
            {form}
            """);
        return page.Render(t.Format("production.heading", client.Name), body, status);
    }

    private static Html Form(MemberPage page, ClientRecord client, ProductionSubmission v)
    {
        var t = page.T;
        (string, string)[] yesNo = [("yes", t["production.yes"]), ("no", t["production.no"])];
        (string, string)[] yesNoNa = [("yes", t["production.yes"]), ("no", t["production.no"]), ("na", t["production.na"])];
        var questions = Enumerable.Range(1, AttestationRule.Questions).Select(q =>
        {
            var n = q.ToString(CultureInfo.InvariantCulture);
            var hint = q is 1 or 5 ? t[$"production.q{n}.hint"] : null;
            return FormFields.Radios(page, "q" + n, t.Format("production.question", n, t[$"production.q{n}.text"]), q == 1 ? yesNo : yesNoNa, v.Answers.ElementAtOrDefault(q - 1), hint);
        });
        var logoHint = client.LogoUri is null ? t["production.logo.hint"] : t["production.logo.hintReuse"];
        return Html.Of($"""
            <form method="post" action="/developer/clients/{client.ClientId}/production" enctype="multipart/form-data" novalidate>
            {page.Csrf}
            <h2>{t["production.aboutApp"]}</h2>
            {page.Field("company", t["production.company"], v.Company, autocomplete: "organization", maxLength: SubmissionCheck.MaxShortText)}
            {FormFields.TextArea(page, "description", t["production.description"], v.Description, 1000, t["production.description.hint"])}
            {FormFields.TextArea(page, "purpose", t["production.purpose"], v.Purpose, SubmissionCheck.MaxLongText, t["production.purpose.hint"])}
            {FormFields.Radios(page, "customers", t["production.customers"], [("consumers", t["production.customers.consumers"]), ("organizations", t["production.customers.organizations"]), ("both", t["production.customers.both"])], v.Customers)}
            {page.Field("consumer_cost", t["production.consumerCost"], v.ConsumerCost, hint: t["production.consumerCost.hint"], maxLength: SubmissionCheck.MaxShortText)}
            {page.Field("terms_of_service_uri", t["production.terms"], v.TermsOfServiceUri, "url", hint: t["production.https.hint"], maxLength: SubmissionCheck.MaxUriLength)}
            {page.Field("privacy_policy_uri", t["production.privacy"], v.PrivacyPolicyUri, "url", hint: t["production.https.hint"], maxLength: SubmissionCheck.MaxUriLength)}
            {FormFields.File(page, "logo", t["production.logo"], logoHint, "image/png,image/jpeg")}
            {page.Field("support_email", t["production.supportEmail"], v.SupportEmail, "email", hint: t["production.supportEmail.hint"], maxLength: 254)}
            {page.Field("security_contact", t["production.securityContact"], v.SecurityContact, "email", hint: t["production.securityContact.hint"], maxLength: 254)}
            {FormFields.Radios(page, "test_instance", t["production.testInstance"], yesNo, v.TestInstance)}
            {FormFields.Radios(page, "share_with_customers", t["production.share"], yesNo, v.ShareWithCustomers)}
            {FormFields.Radios(page, "plans", t["production.plans"], [("all", t["production.plans.all"]), ("named", t["production.plans.named"])], v.Plans)}
            {page.Field("plan_names", t["production.planNames"], v.PlanNames, hint: t["production.planNames.hint"], maxLength: SubmissionCheck.MaxShortText)}
            <h2>{t["production.attestation"]}</h2>
            <p>{t["production.attestation.intro"]}</p>
            {Html.Join(questions)}
            {FormFields.File(page, "certificate", t["production.certificate"], t["production.certificate.hint"], "application/pdf,image/png,image/jpeg")}
            {MemberPage.Button(t["production.submit"])}
            </form>
            """);
    }

    private static string Date(long seconds, CultureInfo culture) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("D", culture);

    /// <summary>The size of the logo the client already has in the portal (reused when none is uploaded), or null.</summary>
    private static async Task<(int Width, int Height)?> CurrentLogoAsync(LogoStore logos, string clientId, CancellationToken cancellationToken) =>
        await logos.FindAsync(clientId, cancellationToken) is { } logo ? (logo.Width, logo.Height) : null;
}
