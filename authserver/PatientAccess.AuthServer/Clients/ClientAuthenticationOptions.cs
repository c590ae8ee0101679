using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Clients;

/// <summary>How failed client authentications are answered. Section <c>ClientAuthentication</c>.</summary>
internal sealed class ClientAuthenticationOptions
{
    public const string Section = "ClientAuthentication";

    /// <summary>
    /// Failed authentications of one client_id from one client address (see <c>ClientAddress:TrustedProxies</c>)
    /// per minute that are answered 401 and audited one by one; further failures in that minute are answered
    /// 429 with Retry-After and counted in metrics only. A correct credential is never refused, from any address.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int MaxFailuresPerMinute { get; set; } = 10;
}
