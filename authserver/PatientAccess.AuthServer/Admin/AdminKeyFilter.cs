using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// Admits admin API calls carrying <c>Authorization: Bearer {key}</c> whose SHA-256 is configured:
/// an admin key (<c>Admin:ApiKeyHashes</c>) opens every admin endpoint; the gateways' revocation
/// feed key (<c>Admin:RevocationFeedKeyHashes</c>) opens only endpoints marked
/// <see cref="RevocationFeedAccess"/> and gets 403 elsewhere. App access tokens can never pass:
/// they are checked against key hashes only.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    private const string ActorItem = "pa.admin.actor";

    /// <summary>
    /// Who made this admin call, as recorded beside every action: <c>admin:</c> and the first 8 hex
    /// digits of the key's SHA-256 (matchable against <c>Admin:ApiKeyHashes</c>, useless to guess the key).
    /// </summary>
    public static string Actor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ActorItem] as string ?? throw new InvalidOperationException("no admin actor on this request");
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization;
        if (header.Count == 1 && AuthenticationHeaderValue.TryParse(header[0], out var value)
            && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && value.Parameter is { Length: > 0 and <= 512 } key)
        {
            var hash = Secrets.HexHash(key);
            // Both lists are checked in full whatever matches, so timing says nothing about which key it was.
            var admin = Matches(hash, options.Value.ApiKeyHashes);
            var feed = Matches(hash, options.Value.RevocationFeedKeyHashes);
            if (admin || (feed && http.GetEndpoint()?.Metadata.GetMetadata<RevocationFeedAccess>() is not null))
            {
                http.Items[ActorItem] = (admin ? "admin:" : "feed:") + hash[..8].ToLowerInvariant();
                return await next(context);
            }

            if (feed)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-admin\", error=\"insufficient_scope\"";
                return OAuthResults.Error(http, new OAuthError(OAuthErrors.InsufficientScope,
                    "the revocation feed key reads the revocation feed and app rate limits only; this needs an admin key"), StatusCodes.Status403Forbidden);
            }
        }

        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-admin\"";
        return OAuthResults.Error(http, new OAuthError(OAuthErrors.InvalidToken, "an admin API key is required"), StatusCodes.Status401Unauthorized);
    }

    private static bool Matches(string hash, IList<string> configured)
    {
        var match = false;
        foreach (var entry in configured)
        {
            match |= Secrets.FixedTimeEquals(hash, entry.ToUpperInvariant());
        }

        return match;
    }
}
