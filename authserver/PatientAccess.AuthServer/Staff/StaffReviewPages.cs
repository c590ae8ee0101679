using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Staff;

/// <summary>Approved apps whose annual review or attestation renewal is overdue or due within <c>Reviews:DueWindowDays</c>.</summary>
internal static class StaffReviewPages
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(StaffPage.Reviews, async (HttpContext context, ReviewDates reviews, IOptions<ReviewOptions> options, CancellationToken cancellationToken) =>
        {
            if (await StaffPage.ActorAsync(context, cancellationToken) is null)
            {
                return StaffPage.Unauthorized(context);
            }

            var page = StaffPage.New(context);
            var t = page.T;
            var due = await reviews.DueAsync(null, cancellationToken);
            Html When(DateTimeOffset at, bool overdue) => overdue
                ? Html.Of($"<strong class=\"overdue\">{t.Format("staff.reviews.overdue", StaffPage.Date(at, t))}</strong>")
                : Html.Of($"{StaffPage.Date(at, t)}");
            var list = due.Count == 0 ? Html.Of($"<p>{t["staff.reviews.none"]}</p>") : Html.Of($"""
                <table class="staff">
                <caption>{t.Format("staff.reviews.caption", options.Value.DueWindowDays)}</caption>
                <thead><tr><th scope="col">{t["staff.field.client"]}</th><th scope="col">{t["staff.field.status"]}</th><th scope="col">{t["staff.reviews.review"]}</th><th scope="col">{t["staff.reviews.attestation"]}</th></tr></thead>
                <tbody>{Html.Join(due.Select(r => Html.Of($"<tr><td>{r.ClientName} ({r.ClientId})</td><td>{t["staff.clientStatus." + r.Status]}</td><td>{When(r.ReviewDueAt, r.ReviewOverdue)}</td><td>{When(r.AttestationDueAt, r.AttestationOverdue)}</td></tr>")))}</tbody>
                </table>
                """);
            var auto = options.Value.SuspendOverdueAttestations ? t["staff.reviews.autoOn"] : t["staff.reviews.autoOff"];
            return page.Render(t["staff.reviews.title"], Html.Of($"<p>{t["staff.reviews.intro"]}</p><p>{auto}</p>{list}{StaffPage.SignOut(page)}"));
        });
}
