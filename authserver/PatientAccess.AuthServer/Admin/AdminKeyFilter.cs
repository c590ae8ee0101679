using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// Admits admin API calls carrying <c>Authorization: Bearer {api key}</c> whose SHA-256 is
/// configured. App access tokens can never pass: they are checked against key hashes only.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
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
            var match = false;
            foreach (var configured in options.Value.ApiKeyHashes)
            {
                // Check every entry so timing says nothing about which one matched.
                match |= Secrets.FixedTimeEquals(hash, configured.ToUpperInvariant());
            }

            if (match)
            {
                return await next(context);
            }
        }

        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-admin\"";
        return OAuthResults.Error(http, new OAuthError(OAuthErrors.InvalidToken, "an admin API key is required"), StatusCodes.Status401Unauthorized);
    }
}
