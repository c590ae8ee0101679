using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// Recognises a staff key, from <c>Authorization: Bearer</c> or from the sign-in form. Only
/// <c>Staff:KeyHashes</c> is consulted: an app's access token, a client secret, the admin or
/// revocation feed key, a developer or member session can never match, whatever they are.
/// Every configured hash is compared in full, in constant time, whatever matches.
/// </summary>
internal sealed class StaffKeys(IOptions<StaffOptions> options)
{
    /// <summary>Longer than any key we make (44 characters); longer input is not even hashed.</summary>
    public const int MaxKeyLength = 512;

    public StaffActor? FromHeader(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization;
        return header.Count == 1 && AuthenticationHeaderValue.TryParse(header[0], out var value)
            && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && value.Parameter is { } key
            ? Check(key)
            : null;
    }

    public StaffActor? Check(string? key)
    {
        if (key is null || key.Length is 0 or > MaxKeyLength)
        {
            return null;
        }

        var hash = Secrets.HexHash(key.Trim());
        var match = false;
        foreach (var entry in options.Value.KeyHashes)
        {
            match |= Secrets.FixedTimeEquals(hash, entry.ToUpperInvariant());
        }

        return match ? StaffActor.FromKeyHash(hash) : null;
    }
}
