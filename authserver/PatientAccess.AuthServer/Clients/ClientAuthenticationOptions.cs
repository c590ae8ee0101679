using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Clients;

/// <summary>Bounds on guessing client secrets. Section <c>ClientAuthentication</c>.</summary>
internal sealed class ClientAuthenticationOptions
{
    public const string Section = "ClientAuthentication";

    /// <summary>Failed authentications per client_id per minute before every attempt is refused until the minute ends.</summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int MaxFailuresPerMinute { get; set; } = 10;
}
