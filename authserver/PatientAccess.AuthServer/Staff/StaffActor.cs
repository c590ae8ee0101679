using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// Who did a staff action, as recorded beside it: <c>staff:</c> and the first 12 hex digits of the
/// key's SHA-256 (a fingerprint an operator can match against <c>Staff:KeyHashes</c>; it says
/// nothing usable about a 256-bit key), or <c>automatic</c> for the review-date service.
/// </summary>
internal sealed record StaffActor(string Id)
{
    public static StaffActor Automatic { get; } = new("automatic");

    public static StaffActor FromKeyHash(string hexHash)
    {
        ArgumentNullException.ThrowIfNull(hexHash);
        return new("staff:" + hexHash[..12].ToLowerInvariant());
    }

    public static StaffActor FromKey(string key) => FromKeyHash(Secrets.HexHash(key));
}
