using Microsoft.AspNetCore.WebUtilities;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// Builds the redirect back to the app (RFC 6749 §4.1.2 and §4.1.2.1) with the <c>iss</c>
/// parameter of RFC 9207, which lets the app detect a response from the wrong server (RFC 9700 §4.4).
/// </summary>
internal static class AuthorizeRedirect
{
    public static Uri Success(string redirectUri, string code, string? state, string issuer) =>
        Build(redirectUri, [new("code", code), new("state", state), new("iss", issuer)]);

    public static Uri Error(string redirectUri, string error, string description, string? state, string issuer) =>
        Build(redirectUri, [new("error", error), new("error_description", description), new("state", state), new("iss", issuer)]);

    private static Uri Build(string redirectUri, KeyValuePair<string, string?>[] parameters) =>
        new(QueryHelpers.AddQueryString(redirectUri, parameters.Where(p => p.Value is not null)));
}
