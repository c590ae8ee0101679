using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PatientAccess.AuthServer.Developer.Accounts;

namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>
/// Shows a new client secret once on the page after the post that made it (create or rotate)
/// without ever storing it: the post answers 303 with the secret sealed by Data Protection in a
/// short-lived cookie (HttpOnly, SameSite=Strict, scoped to that app's page), bound to the session
/// and the app; the app's page opens it, shows it, and deletes the cookie in the same answer.
/// A reload, another session or another app's page finds nothing. The database only ever holds
/// the secret's hash.
/// </summary>
internal sealed class SecretReveal(IDataProtectionProvider protection)
{
    public const string CookieName = "pa-developer-secret";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("PatientAccess.Developer.SecretReveal").ToTimeLimitedDataProtector();

    public void Stash(HttpContext context, DeveloperSession session, string clientId, string secret)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        var sealedSecret = _protector.Protect(Payload(session, clientId, secret), Lifetime);
        context.Response.Cookies.Append(CookieName, sealedSecret, Options(context, clientId, Lifetime));
    }

    /// <summary>The secret stashed for this session and app, once: the cookie is deleted whenever it is present.</summary>
    public string? Take(HttpContext context, DeveloperSession session, string clientId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var sealedSecret) || string.IsNullOrEmpty(sealedSecret))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, Options(context, clientId, TimeSpan.Zero));
        string payload;
        try
        {
            payload = _protector.Unprotect(sealedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var prefix = Payload(session, clientId, string.Empty);
        return payload.StartsWith(prefix, StringComparison.Ordinal) ? payload[prefix.Length..] : null;
    }

    private static string Payload(DeveloperSession session, string clientId, string secret) =>
        DeveloperSessions.HashOf(session) + "\n" + clientId + "\n" + secret;

    private static CookieOptions Options(HttpContext context, string clientId, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = Pages.DeveloperPage.ClientPath(clientId),
        MaxAge = maxAge,
        IsEssential = true,
    };
}
