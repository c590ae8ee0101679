namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// One standalone-launch authorization request as an app sends it (SMART App Launch 2.x,
/// RFC 6749 §4.1.1 with PKCE S256), plus the secrets the app keeps to check and redeem the answer.
/// </summary>
internal sealed record AuthorizeRequest(Uri Url, string State, string Nonce, string Verifier, Uri RedirectUri)
{
    public static AuthorizeRequest Create(SmartEndpoints endpoints, DemoClient client, string scope, string audience)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(client);
        var verifier = Pkce.NewVerifier();
        var state = Pkce.RandomValue(16);
        var nonce = Pkce.RandomValue(16);
        var query = string.Join('&', new (string Name, string Value)[]
        {
            ("response_type", "code"),
            ("client_id", client.ClientId),
            ("redirect_uri", client.RedirectUri.OriginalString),
            ("scope", scope),
            ("state", state),
            ("aud", audience),
            ("nonce", nonce),
            ("code_challenge", Pkce.Challenge(verifier)),
            ("code_challenge_method", "S256"),
        }.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
        return new AuthorizeRequest(new Uri(endpoints.Authorize + "?" + query), state, nonce, verifier, client.RedirectUri);
    }

    /// <summary>
    /// Reads the redirect that ends the member pages, as the app's callback would: it must go to
    /// the registered redirect URI, carry our state (CSRF, RFC 6749 §10.12) and, when present, the
    /// expected issuer (RFC 9207); an error answer is reported with its description.
    /// </summary>
    public PreparedCode ReadRedirect(Uri redirect, string? issuer)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        if (!string.Equals(redirect.GetLeftPart(UriPartial.Path), RedirectUri.GetLeftPart(UriPartial.Path), StringComparison.Ordinal))
        {
            throw new SmartLaunchException($"the member pages sent the member to {redirect.GetLeftPart(UriPartial.Path)}, not the app's redirect URI {RedirectUri}");
        }

        var query = QueryParameters(redirect.Query);
        if (query.GetValueOrDefault("state") != State)
        {
            throw new SmartLaunchException($"the redirect to the app carries state '{query.GetValueOrDefault("state")}', not the state the app sent");
        }

        if (issuer is not null && query.TryGetValue("iss", out var iss) && iss != issuer)
        {
            throw new SmartLaunchException($"the redirect to the app names issuer '{iss}', but the authserver's discovery says '{issuer}'");
        }

        if (query.TryGetValue("error", out var error))
        {
            var description = query.TryGetValue("error_description", out var text) ? ": " + text : string.Empty;
            throw new SmartLaunchException($"the authorization server answered the app with error={error}{description}");
        }

        if (!query.TryGetValue("code", out var code) || code.Length == 0)
        {
            throw new SmartLaunchException("the redirect to the app carries no code");
        }

        return new PreparedCode(code, Verifier, RedirectUri);
    }

    /// <summary>application/x-www-form-urlencoded query parameters; the first of a repeated name wins.</summary>
    public static Dictionary<string, string> QueryParameters(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            parameters.TryAdd(name, equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]));
        }

        return parameters;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
