using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Developer.Api;

/// <summary>
/// Sign-up, sign-in and sign-out as JSON. <c>signup</c> and <c>signin</c> answer 202 with a
/// <c>verification_token</c> whether or not the address has an account (the code goes by e-mail);
/// <c>verify</c> takes that token and the code and answers a new bearer <c>access_token</c>: the
/// developer's session, hashed at rest, ended by <c>signout</c> or after idle/maximum time.
/// </summary>
internal static class AccountApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/signup", (HttpContext context, DeveloperSignIn signIn, IOptions<DeveloperPortalOptions> options, CancellationToken ct) =>
            StartAsync(context, signIn, options.Value, registering: true, ct));
        api.MapPost("/signin", (HttpContext context, DeveloperSignIn signIn, IOptions<DeveloperPortalOptions> options, CancellationToken ct) =>
            StartAsync(context, signIn, options.Value, registering: false, ct));
        api.MapPost("/verify", VerifyAsync);
        api.MapPost("/signout", async (HttpContext context, DeveloperSessions sessions, CancellationToken ct) =>
        {
            var (session, failure) = await ApiRequests.DeveloperAsync(context, sessions, ct);
            if (failure is not null)
            {
                return failure;
            }

            await sessions.EndAsync(session!, ct);
            return Results.NoContent();
        });
        api.MapGet("/me", async (HttpContext context, DeveloperSessions sessions, DeveloperAccounts accounts, CancellationToken ct) =>
        {
            var (session, failure) = await ApiRequests.DeveloperAsync(context, sessions, ct);
            if (failure is not null)
            {
                return failure;
            }

            var account = await accounts.FindAsync(session!.Record.DeveloperId!, ct);
            return OAuthResults.Json200(context, new JsonObject
            {
                ["developer_id"] = account?.DeveloperId,
                ["email"] = account?.Email,
                ["name"] = account?.Name,
            });
        });
    }

    private static async Task<IResult> StartAsync(HttpContext context, DeveloperSignIn signIn, DeveloperPortalOptions options, bool registering, CancellationToken cancellationToken)
    {
        var (body, failure) = await ApiRequests.JsonAsync(context, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var email = ApiRequests.String(body!, "email", out var badEmail);
        var name = ApiRequests.String(body!, "name", out var badName);
        if (badEmail || badName)
        {
            return ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "email and name must be strings");
        }

        var (result, session) = await signIn.StartAsync(context, email, name, registering, LanguageSelector.Resolve(context), cancellationToken);
        return result switch
        {
            SignInStart.Sent => Accepted(context, session!, options),
            SignInStart.BadEmail => ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "email must be an e-mail address like name@example.com"),
            SignInStart.BadName => ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "name is required (1 to 100 characters)"),
            SignInStart.Locked => ApiRequests.Error(context, StatusCodes.Status429TooManyRequests, "too_many_requests", "too many wrong codes from this address; try again later"),
            SignInStart.Throttled => ApiRequests.Error(context, StatusCodes.Status429TooManyRequests, "too_many_requests", "several codes were already sent to this address; use the newest or try again later"),
            _ => ApiRequests.Error(context, StatusCodes.Status503ServiceUnavailable, "temporarily_unavailable", "the code could not be sent; try again in a few minutes"),
        };
    }

    private static IResult Accepted(HttpContext context, DeveloperSession session, DeveloperPortalOptions options)
    {
        OAuthResults.NoStore(context);
        var body = new JsonObject
        {
            ["verification_token"] = session.Handle,
            ["expires_in"] = options.CodeMinutes * 60,
            ["next"] = "POST /api/developer/verify with verification_token and the 6-digit code from the e-mail",
        };
        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> VerifyAsync(
        HttpContext context, DeveloperSessions sessions, DeveloperSignIn signIn, IOptions<DeveloperPortalOptions> options, CancellationToken cancellationToken)
    {
        var (body, failure) = await ApiRequests.JsonAsync(context, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var token = ApiRequests.String(body!, "verification_token", out var badToken);
        var code = ApiRequests.String(body!, "code", out var badCode);
        if (badToken || badCode || token is null || code is null)
        {
            return ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "verification_token and code are required strings");
        }

        var session = await sessions.FindAsync(token, cancellationToken);
        if (session is not { SignedIn: false, Record.Email: not null })
        {
            return ApiRequests.Error(context, StatusCodes.Status400BadRequest, "expired_code", "the verification token is unknown or has expired; sign in again");
        }

        var outcome = await signIn.VerifyAsync(context, session, code, cancellationToken);
        return outcome.Result switch
        {
            VerifyResult.SignedIn => OAuthResults.Json200(context, new JsonObject
            {
                ["access_token"] = outcome.Session!.Handle,
                ["token_type"] = "Bearer",
                ["expires_in"] = options.Value.SessionMinutes * 60,
            }),
            VerifyResult.Format => ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "code must be the 6 digits from the e-mail"),
            VerifyResult.Wrong => ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_code", $"the code is not right; {outcome.AttemptsLeft} tries left"),
            VerifyResult.Locked => ApiRequests.Error(context, StatusCodes.Status429TooManyRequests, "too_many_requests", "too many wrong codes from this address; try again later"),
            VerifyResult.Taken => ApiRequests.Error(context, StatusCodes.Status409Conflict, "account_exists", "this address already has an account; sign in instead"),
            _ => ApiRequests.Error(context, StatusCodes.Status400BadRequest, "expired_code", "the code has expired or was tried too many times; ask for a new one"),
        };
    }
}
