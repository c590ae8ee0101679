using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Scopes;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// Validates an authorization request in the order RFC 6749 §4.1.2.1 demands: client and
/// redirect URI first (errors shown here, never redirected), then everything else (errors
/// redirected to the now-trusted redirect URI with <c>state</c>). A valid request becomes a
/// <see cref="PendingAuthorization"/> and the member is sent to the member pages.
/// </summary>
internal sealed class AuthorizeRequestHandler(
    ClientRegistry clients,
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<AuthServerOptions> server,
    IOptions<TokenOptions> tokens,
    Audit.Refusals refusals,
    TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context, OAuthParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var pageProblem = parameters.ProblemWith("client_id") ?? parameters.ProblemWith("redirect_uri");
        if (pageProblem is not null)
        {
            return ErrorPage.Show(context, OAuthErrors.InvalidRequest, ErrorPage.Malformed, detail: pageProblem);
        }

        var clientId = parameters["client_id"];
        var client = clientId is null ? null : await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            refusals.Record(context, Audit.AuditEventTypes.AuthorizeRefused, Audit.Refusals.UnknownClient, clientId is null ? "client_id missing" : "unknown client_id");
            return ErrorPage.Show(context, OAuthErrors.InvalidRequest, clientId is null ? ErrorPage.ClientIdRequired : ErrorPage.UnknownClient);
        }

        if (!client.IsActive)
        {
            refusals.Record(context, Audit.AuditEventTypes.AuthorizeRefused, client.ClientId, "the client is " + client.Status.ToString().ToLowerInvariant());
            return ErrorPage.Show(context, OAuthErrors.UnauthorizedClient, ErrorPage.Blocked, StatusCodes.Status403Forbidden);
        }

        var redirectUri = parameters["redirect_uri"];
        if (redirectUri is null || !RedirectUriMatcher.Matches(client.RedirectUris, redirectUri))
        {
            refusals.Record(context, Audit.AuditEventTypes.AuthorizeRefused, client.ClientId, redirectUri is null ? "redirect_uri missing" : "redirect_uri not registered");
            return ErrorPage.Show(context, OAuthErrors.InvalidRequest, redirectUri is null ? ErrorPage.RedirectRequired : ErrorPage.RedirectNotRegistered);
        }

        // From here on the redirect URI is trusted; state is echoed unless it was itself refused.
        var state = parameters["state"];
        var issuer = server.Value.IssuerBase;
        var (error, description) = Validate(parameters, client, out var grantable);
        if (error is not null)
        {
            return Results.Redirect(AuthorizeRedirect.Error(redirectUri, error, description!, state, issuer).AbsoluteUri);
        }

        var now = time.GetUtcNow();
        var pending = new PendingAuthorization
        {
            RequestId = Secrets.NewHandle(),
            ClientId = client.ClientId,
            RedirectUri = redirectUri,
            RequestedScope = parameters["scope"]!,
            GrantableScope = grantable!,
            State = state,
            CodeChallenge = parameters["code_challenge"]!,
            Nonce = parameters["nonce"],
            CreatedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + tokens.Value.PendingAuthorizationLifetime).ToUnixTimeSeconds(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.PendingAuthorizations.Where(p => p.ExpiresAt < pending.CreatedAt).ExecuteDeleteAsync(cancellationToken);
        db.PendingAuthorizations.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect(server.Value.MemberAuthorizePath + Uri.EscapeDataString(pending.RequestId));
    }

    private (string? Error, string? Description) Validate(OAuthParameters parameters, ClientRecord client, out string? grantable)
    {
        grantable = null;
        if (parameters.FirstProblem("client_id", "redirect_uri") is { } problem)
        {
            return (OAuthErrors.InvalidRequest, problem);
        }

        if (parameters.Has("request"))
        {
            return (OAuthErrors.RequestNotSupported, "request objects are not supported");
        }

        if (parameters.Has("request_uri"))
        {
            return (OAuthErrors.RequestUriNotSupported, "request_uri is not supported");
        }

        // SMART App Launch 2 requires state (the app's CSRF defence, RFC 6749 §10.12).
        if (parameters["state"] is null)
        {
            return (OAuthErrors.InvalidRequest, "state is required");
        }

        var responseType = parameters["response_type"];
        if (responseType is null)
        {
            return (OAuthErrors.InvalidRequest, "response_type is required");
        }

        if (responseType != "code")
        {
            return (OAuthErrors.UnsupportedResponseType, "only response_type=code is supported");
        }

        if (parameters["response_mode"] is { } mode && mode != "query")
        {
            return (OAuthErrors.InvalidRequest, "only response_mode=query is supported");
        }

        var challenge = parameters["code_challenge"];
        if (challenge is null)
        {
            return (OAuthErrors.InvalidRequest, "code_challenge is required (PKCE with S256)");
        }

        if (parameters["code_challenge_method"] != "S256")
        {
            return (OAuthErrors.InvalidRequest, "code_challenge_method must be S256");
        }

        if (!Pkce.IsValidChallenge(challenge))
        {
            return (OAuthErrors.InvalidRequest, "code_challenge is not a S256 challenge");
        }

        var aud = parameters["aud"];
        if (aud is null || !string.Equals(aud.TrimEnd('/'), server.Value.FhirBaseUrl.TrimEnd('/'), StringComparison.Ordinal))
        {
            return (OAuthErrors.InvalidRequest, aud is null ? "aud is required" : "aud is not the FHIR server this server protects");
        }

        if (parameters["scope"] is not { } scope)
        {
            return (OAuthErrors.InvalidScope, "scope is required");
        }

        var (granted, scopeError) = ScopePolicy.Narrow(scope, client.AllowedScopes);
        if (scopeError is not null)
        {
            return (OAuthErrors.InvalidScope, scopeError);
        }

        if (!ScopePolicy.Split(granted!).Any(s => s.Contains('/', StringComparison.Ordinal) && s != ScopeNames.LaunchPatient))
        {
            return (OAuthErrors.InvalidScope, "no requested scope gives read access this app may be granted");
        }

        if (parameters["prompt"] is { } prompt && prompt.Split(' ').Contains("none", StringComparer.Ordinal))
        {
            // The member must sign in and consent here; there is no silent path.
            return (OAuthErrors.LoginRequired, "the member must sign in and consent");
        }

        grantable = granted;
        return (null, null);
    }
}
