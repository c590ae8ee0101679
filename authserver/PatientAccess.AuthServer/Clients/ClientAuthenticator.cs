using System.Net.Http.Headers;
using System.Text;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.ServiceDefaults.ClientAddress;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// RFC 6749 §2.3: <c>client_secret_basic</c> or <c>client_secret_post</c> for confidential
/// clients (never both at once), <c>none</c> (client_id only) for public ones, which must not
/// present a secret. Every failure answers invalid_client with 401 and a Basic challenge, or
/// 429 with Retry-After once its client and address are over the failure budget
/// (<see cref="ClientAuthenticationThrottle"/>). The credential is always checked first, so a
/// correct one is never refused, whatever anyone else has sent.
/// </summary>
internal sealed class ClientAuthenticator(
    ClientRegistry registry,
    ClientAuthenticationThrottle throttle,
    ClientAddressResolver addresses,
    AuthMetrics metrics,
    Refusals refusals)
{
    /// <summary>
    /// The opening every client endpoint shares: read the form, authenticate the client, then
    /// refuse any malformed parameter. Exactly one of Form+Client or Failure is set.
    /// </summary>
    public async Task<(OAuthParameters? Form, ClientRecord? Client, IResult? Failure)> ReadAuthenticatedAsync(
        HttpContext context, bool allowPublic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (form, error) = await FormRequest.ReadAsync(context.Request, cancellationToken);
        if (form is null)
        {
            return (null, null, OAuthResults.Error(context, error!));
        }

        var authentication = await AuthenticateAsync(context, form, allowPublic, cancellationToken);
        if (authentication.Failure is not null)
        {
            return (null, null, authentication.Failure);
        }

        return form.FirstProblem() is { } problem
            ? (null, null, OAuthResults.Error(context, OAuthError.InvalidRequest(problem)))
            : (form, authentication.Client, null);
    }

    public async Task<ClientAuthentication> AuthenticateAsync(HttpContext context, OAuthParameters form, bool allowPublic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(form);
        if ((form.ProblemWith("client_id") ?? form.ProblemWith("client_secret")) is { } problem)
        {
            return ClientAuthentication.Failed(OAuthResults.Error(context, OAuthError.InvalidRequest(problem)));
        }

        var header = context.Request.Headers.Authorization;
        string? basicId = null;
        string? basicSecret = null;
        if (header.Count > 1)
        {
            return ClientAuthentication.Failed(OAuthResults.Error(context, OAuthError.InvalidRequest("the Authorization header is repeated")));
        }

        if (header.Count == 1)
        {
            if (!TryReadBasic(header[0], out basicId, out basicSecret))
            {
                return ClientAuthentication.Failed(OAuthResults.InvalidClient(context, "the Authorization header is not valid HTTP Basic client authentication"));
            }

            if (form.Has("client_secret"))
            {
                return ClientAuthentication.Failed(OAuthResults.Error(context, OAuthError.InvalidRequest("use one client authentication method, not two")));
            }

            if (form["client_id"] is { } bodyId && !string.Equals(bodyId, basicId, StringComparison.Ordinal))
            {
                return ClientAuthentication.Failed(OAuthResults.InvalidClient(context, "client_id differs from the authenticated client"));
            }
        }

        var clientId = basicId ?? form["client_id"];
        if (string.IsNullOrEmpty(clientId))
        {
            return ClientAuthentication.Failed(OAuthResults.InvalidClient(context, "client authentication is required"));
        }

        var client = await registry.FindAsync(clientId, cancellationToken);
        var secret = basicSecret ?? (form.Has("client_secret") ? form["client_secret"] ?? string.Empty : null);
        if (client is { Type: ClientType.Public } && secret is not null)
        {
            // A public client has no secret to guess, so this is a malformed request, not a
            // failed guess: it is never counted, and a public client can never be throttled.
            return ClientAuthentication.Failed(OAuthResults.InvalidClient(context, "a public client must not send a client secret"));
        }

        // The answer stays the same for an unknown client and a wrong secret (no enumeration); the
        // audit event and log line, read only by the plan, say which it was.
        var (failure, reason) = client switch
        {
            null => ("client authentication failed", "unknown client_id"),
            { Type: ClientType.Confidential } when secret is null => ("client authentication is required", "no client secret sent"),
            { Type: ClientType.Confidential } when !ClientSecrets.Verify(secret!, client.SecretHash) => ("client authentication failed", "wrong client secret"),
            _ => ((string?)null, (string?)null),
        };
        if (failure is not null)
        {
            // Unknown client_ids share one counter per address, so a spray of made-up ids cannot grow the table.
            return ClientAuthentication.Failed(Failed(context, client?.ClientId, failure, reason));
        }

        if (!client!.IsActive)
        {
            var blocked = "the client is " + (client.Status == ClientStatus.Revoked ? "revoked" : "suspended");
            refusals.Record(context, AuditEventTypes.ClientRefused, client.ClientId, blocked);
            return ClientAuthentication.Failed(OAuthResults.InvalidClient(context, blocked));
        }

        if (client.Type == ClientType.Public && !allowPublic)
        {
            refusals.Record(context, AuditEventTypes.ClientRefused, client.ClientId, "public clients cannot use this endpoint");
            return ClientAuthentication.Failed(OAuthResults.InvalidClient(context, "public clients cannot use this endpoint"));
        }

        return new ClientAuthentication(client, null);
    }

    /// <summary>
    /// Counts a failed credential against its client and address, audits and logs it (with
    /// <paramref name="reason"/>, the plan's own words, else the answer) while under budget, and answers it.
    /// An unknown client_id is recorded as <see cref="Refusals.UnknownClient"/>.
    /// </summary>
    public IResult Failed(HttpContext context, string? clientId, string failure, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retryAfter = throttle.RecordFailure(clientId ?? "\0unknown", addresses.Resolve(context), out var first);
        metrics.ClientAuthenticationFailed(throttled: retryAfter is not null);
        if (retryAfter is null || first)
        {
            refusals.Record(context, retryAfter is null ? AuditEventTypes.ClientAuthenticationFailed : AuditEventTypes.ClientAuthenticationThrottled,
                clientId ?? Refusals.UnknownClient, reason ?? failure);
        }

        return retryAfter is { } seconds
            ? OAuthResults.Throttled(context, OAuthError.InvalidClient(failure + "; too many failures from this address, try again later"), seconds)
            : OAuthResults.InvalidClient(context, failure);
    }

    // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
    private static bool TryReadBasic(string? header, out string? clientId, out string? secret)
    {
        clientId = null;
        secret = null;
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        var bytes = new byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, bytes, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = FormDecode(text[..colon]);
        secret = FormDecode(text[(colon + 1)..]);
        return clientId.Length > 0 && !clientId.Any(char.IsControl) && !secret.Any(char.IsControl);
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
