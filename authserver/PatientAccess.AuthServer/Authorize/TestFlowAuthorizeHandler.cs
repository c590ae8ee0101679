using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Scopes;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// <c>GET /oauth2/authorize/test?client_id=...&amp;redirect_uri=...</c>, as the plan's developer
/// documentation describes it (<see cref="TestFlow"/>). Client and redirect URI are checked as in the
/// standard flow (errors on a page, never a redirect to an unverified address); public clients are
/// refused on a page (they have no secret, so only PKCE can protect their codes); the request is
/// then the standard member flow with read-only scopes, and the member pages accept only demo members.
/// </summary>
internal sealed class TestFlowAuthorizeHandler(
    ClientRegistry clients,
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<AuthServerOptions> server,
    IOptions<TokenOptions> tokens,
    TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context, OAuthParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        if ((parameters.ProblemWith("client_id") ?? parameters.ProblemWith("redirect_uri")) is { } problem)
        {
            return ErrorPage.Show(context, OAuthErrors.InvalidRequest, ErrorPage.Malformed, detail: problem);
        }

        var client = parameters["client_id"] is { } clientId ? await clients.FindAsync(clientId, cancellationToken) : null;
        if (client is null)
        {
            return ErrorPage.Show(context, OAuthErrors.InvalidRequest, parameters.Has("client_id") ? ErrorPage.UnknownClient : ErrorPage.ClientIdRequired);
        }

        if (!client.IsActive)
        {
            return ErrorPage.Show(context, OAuthErrors.UnauthorizedClient, ErrorPage.Blocked, status: StatusCodes.Status403Forbidden);
        }

        if (client.Type != ClientType.Confidential)
        {
            return ErrorPage.Show(context, OAuthErrors.UnauthorizedClient, ErrorPage.TestFlowPublic);
        }

        // The documented URL names the redirect URI; an app with just one may leave it out.
        var redirectUri = parameters["redirect_uri"] ?? (client.RedirectUris.Count == 1 && !parameters.Has("redirect_uri") ? client.RedirectUris[0] : null);
        if (redirectUri is null || !RedirectUriMatcher.Matches(client.RedirectUris, redirectUri))
        {
            return ErrorPage.Show(context, OAuthErrors.InvalidRequest, redirectUri is null ? ErrorPage.RedirectRequired : ErrorPage.RedirectNotRegistered);
        }

        var state = parameters["state"];
        var issuer = server.Value.IssuerBase;
        if (parameters.FirstProblem("client_id", "redirect_uri") is { } other)
        {
            return Results.Redirect(AuthorizeRedirect.Error(redirectUri, OAuthErrors.InvalidRequest, other, state, issuer).AbsoluteUri);
        }

        var (granted, _) = ScopePolicy.Narrow(TestFlow.RequestedScope, client.AllowedScopes);
        if (granted is null || !ScopePolicy.Split(granted).Any(s => s.Contains('/', StringComparison.Ordinal) && s != ScopeNames.LaunchPatient))
        {
            return Results.Redirect(AuthorizeRedirect.Error(redirectUri, OAuthErrors.InvalidScope, "this app may not read patient records", state, issuer).AbsoluteUri);
        }

        var now = time.GetUtcNow();
        var pending = new PendingAuthorization
        {
            RequestId = Secrets.NewHandle(),
            ClientId = client.ClientId,
            RedirectUri = redirectUri,
            RequestedScope = TestFlow.RequestedScope,
            GrantableScope = granted,
            State = state,
            CodeChallenge = TestFlow.Marker,
            CreatedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + tokens.Value.PendingAuthorizationLifetime).ToUnixTimeSeconds(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PendingAuthorizations.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect(server.Value.MemberAuthorizePath + Uri.EscapeDataString(pending.RequestId));
    }
}
