namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// The POSTs an app makes to the token and introspection endpoints, built the same way for the
/// launch, for preparing tokens and for the measured load steps.
/// </summary>
internal static class TokenRequests
{
    /// <summary>RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5).</summary>
    public static HttpRequestMessage CodeExchange(SmartEndpoints endpoints, DemoClient client, PreparedCode code)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(code);
        return Post(endpoints.Token, client,
        [
            new("grant_type", "authorization_code"),
            new("code", code.Code),
            new("redirect_uri", code.RedirectUri.OriginalString),
            new("code_verifier", code.Verifier),
        ]);
    }

    /// <summary>RFC 6749 §6.</summary>
    public static HttpRequestMessage Refresh(SmartEndpoints endpoints, DemoClient client, string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Post(endpoints.Token, client, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]);
    }

    /// <summary>RFC 7662 §2.1; only a confidential client may introspect, and only its own tokens.</summary>
    public static HttpRequestMessage Introspect(SmartEndpoints endpoints, DemoClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Post(endpoints.Introspect, client, [new("token", token), new("token_type_hint", "access_token")]);
    }

    private static HttpRequestMessage Post(Uri endpoint, DemoClient client, List<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        client.Authenticate(request, form);
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
