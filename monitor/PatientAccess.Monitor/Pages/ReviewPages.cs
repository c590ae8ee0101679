using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.Monitor.Reviews;
using PatientAccess.Monitor.Staff;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Forms;

namespace PatientAccess.Monitor.Pages;

/// <summary>
/// The review queue for people: <c>GET /reviews</c> (sign-in with the staff key, then every flag),
/// <c>POST /reviews/signin</c>, <c>/reviews/signout</c>, and the decisions
/// <c>POST /reviews/apps/{clientId}/reinstate|revoke</c> with a required reason, carried out by
/// <see cref="IStaffDecisions"/>. Every POST checks the antiforgery token first; a decision also
/// needs the session (<see cref="StaffSessions"/>). Only the staff key signs in: an evidence key or
/// an app's token is "not a staff key".
/// </summary>
internal static class ReviewPages
{
    private const int MaxKeyLength = 512;
    private const int MaxClientId = 200;

    /// <summary>The paths these pages answer; the bearer-key step leaves them to their own session.</summary>
    public static bool Owns(PathString path) => path.StartsWithSegments("/reviews", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddReviewPages(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReviewPagesOptions>(ReviewPagesOptions.Section);
        services.AddSingleton<StaffSessions>();
        services.AddFormProtection("PatientAccess.Monitor", "pa-monitor-csrf", "/reviews");
        return services;
    }

    public static WebApplication MapReviewPages(this WebApplication app)
    {
        ReviewAssets.Map(app);
        app.MapGet("/reviews", ListAsync);
        app.MapPost("/reviews/signin", SignInAsync);
        app.MapPost("/reviews/signout", SignOutAsync);
        app.MapPost("/reviews/apps/{clientId}/{decision:regex(^(reinstate|revoke)$)}", DecideAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, StaffSessions sessions)
    {
        if (await sessions.FindAsync(context) is null)
        {
            var notice = context.Request.Query.ContainsKey("signedout") ? "reviews.signedOut" : null;
            return SignInPage(new ReviewPage(context), notice);
        }

        return await QueuePageAsync(context, new ReviewPage(context) { SignedIn = true }, null, new Dictionary<string, string>());
    }

    private static async Task<IResult> SignInAsync(HttpContext context, StaffSessions sessions, IOptions<StaffOptions> staff)
    {
        if (await ValidFormAsync(context) is not { } form)
        {
            return BadForm(context, signedIn: false);
        }

        var key = form["key"].ToString().Trim();
        var t = ReviewText.Resolve(context);
        if (key.Length == 0)
        {
            return SignInPage(new ReviewPage(context, [new FieldError("key", t["reviews.signin.missing"])]), null, StatusCodes.Status400BadRequest);
        }

        if (StaffKeyHash(key, staff.Value) is not { } hash)
        {
            return SignInPage(new ReviewPage(context, [new FieldError("key", t["reviews.signin.error"])]), null, StatusCodes.Status401Unauthorized);
        }

        // As the authserver names staff: the key's fingerprint, which an operator can match to Staff:KeyHashes.
        await sessions.StartAsync(context, "staff:" + hash[..12]);
        return Results.Redirect("/reviews", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, StaffSessions sessions)
    {
        if (await ValidFormAsync(context) is null)
        {
            return BadForm(context, signedIn: await sessions.FindAsync(context) is not null);
        }

        await sessions.EndAsync(context);
        return Results.Redirect("/reviews?signedout", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> DecideAsync(HttpContext context, string clientId, string decision, StaffSessions sessions)
    {
        var form = await ValidFormAsync(context);
        var actor = await sessions.FindAsync(context);
        if (actor is null)
        {
            return SignInPage(new ReviewPage(context), "reviews.expired", StatusCodes.Status401Unauthorized);
        }

        if (form is null)
        {
            return BadForm(context, signedIn: true);
        }

        var t = ReviewText.Resolve(context);
        if (clientId.Length > MaxClientId)
        {
            return BadForm(context, signedIn: true);
        }

        var flag = form["flag"].ToString();
        var reason = form["reason"].ToString().Trim();
        var field = ReviewItemView.FieldId(flag);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal) { [flag] = reason };
        if (reason.Length == 0 || reason.Length > ReviewItemView.MaxReason)
        {
            var message = reason.Length == 0 ? t["reviews.reason.missing"] : t["reviews.reason.tooLong"];
            return await QueuePageAsync(context, new ReviewPage(context, [new FieldError(field, message)]) { SignedIn = true }, null, reasons, StatusCodes.Status400BadRequest);
        }

        if (context.RequestServices.GetService<IStaffDecisions>() is not { } decisions)
        {
            return await QueuePageAsync(context, new ReviewPage(context, [new FieldError(field, t["reviews.unavailable"])]) { SignedIn = true }, null, reasons, StatusCodes.Status503ServiceUnavailable);
        }

        var result = decision == "reinstate"
            ? await decisions.ReinstateAsync(clientId, actor, reason, context.RequestAborted)
            : await decisions.RevokeAsync(clientId, actor, reason, context.RequestAborted);
        if (!result.Succeeded)
        {
            var message = t.Format("reviews.decision.failed", clientId, result.Error ?? result.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return await QueuePageAsync(context, new ReviewPage(context, [new FieldError(field, message)]) { SignedIn = true }, null, reasons, result.StatusCode is >= 400 and < 600 ? result.StatusCode : StatusCodes.Status502BadGateway);
        }

        var done = t.Format(decision == "reinstate" ? "reviews.decided.reinstated" : "reviews.decided.revoked", clientId);
        return await QueuePageAsync(context, new ReviewPage(context) { SignedIn = true }, done, new Dictionary<string, string>());
    }

    private static async Task<IResult> QueuePageAsync(HttpContext context, ReviewPage page, string? notice, IReadOnlyDictionary<string, string> reasons, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var openOnly = context.Request.Query["state"] == "open";
        IReadOnlyList<ReviewItem>? items = null;
        if (context.RequestServices.GetService<IReviewQueue>() is { } queue)
        {
            items = await queue.ListAsync(openOnly, context.RequestAborted);
        }

        var list = items is null ? Html.Of($"<p class=\"notice\">{t["reviews.unavailable"]}</p>")
            : items.Count == 0 ? Html.Of($"<p>{t["reviews.none"]}</p>")
            : Html.Join(items.Select(i => ReviewItemView.Render(page, i, reasons)));
        var body = Html.Of($"""
            {(notice is null ? Html.Empty : Html.Of($"<p class=\"notice\" role=\"status\">{notice}</p>"))}
            <p>{t["reviews.intro"]}</p>
            <nav class="area" aria-label="{t["reviews.filter.nav"]}">
            <a href="/reviews"{(openOnly ? Html.Empty : Html.Of($" aria-current=\"page\""))}>{t["reviews.filter.all"]}</a>
            <a href="/reviews?state=open"{(openOnly ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{t["reviews.filter.open"]}</a>
            </nav>
            <p>{(openOnly ? t["reviews.showing.open"] : t["reviews.showing.all"])}</p>
            {list}
            """);
        return page.Render(t["reviews.title"], body, status);
    }

    private static IResult SignInPage(ReviewPage page, string? noticeKey, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var notice = noticeKey is null ? Html.Empty : Html.Of($"<p class=\"notice\" role=\"status\">{t[noticeKey]}</p>");
        var body = Html.Of($"""
            {notice}
            <p>{t["reviews.signin.intro"]}</p>
            {page.Form("/reviews/signin", page.Field("key", "key", t["reviews.signin.key"], null, "password", t["reviews.signin.hint"], MaxKeyLength), t["reviews.signin.submit"])}
            """);
        return page.Render(t["reviews.signin.title"], body, status);
    }

    private static IResult BadForm(HttpContext context, bool signedIn)
    {
        var t = ReviewText.Resolve(context);
        var page = new ReviewPage(context) { SignedIn = signedIn };
        return page.Render(t["reviews.signin.title"], Html.Of($"""
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1"><p>{t["reviews.badForm"]}</p></div>
            <p><a href="/reviews">{t["reviews.title"]}</a></p>
            """), StatusCodes.Status400BadRequest);
    }

    /// <summary>The posted form if it carries a valid antiforgery token; else null (nothing is done).</summary>
    private static async Task<IFormCollection?> ValidFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The key's SHA-256 in hex if it is a staff key (constant time over every configured hash); else null.</summary>
    private static string? StaffKeyHash(string key, StaffOptions staff)
    {
        if (key.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var match = false;
        foreach (var known in staff.KeyHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(known));
        }

        return match ? Convert.ToHexStringLower(hash) : null;
    }
}
