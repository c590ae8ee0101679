using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Configuration;

/// <summary>Lifetimes of everything the server hands out. Section <c>Tokens</c>.</summary>
internal sealed class TokenOptions
{
    public const string Section = "Tokens";

    /// <summary>Access token lifetime; also how long a revocation entry must be kept for the gateways.</summary>
    [Range(1, 1440, ErrorMessage = "must be from 1 to 1440 minutes")]
    public int AccessTokenMinutes { get; set; } = 60;

    [Range(1, 1440, ErrorMessage = "must be from 1 to 1440 minutes")]
    public int IdTokenMinutes { get; set; } = 60;

    /// <summary>Authorization codes: RFC 6749 §4.1.2 recommends at most 10 minutes; the issue asks for 5.</summary>
    [Range(10, 600, ErrorMessage = "must be from 10 to 600 seconds")]
    public int AuthorizationCodeSeconds { get; set; } = 300;

    /// <summary>Refresh tokens for <c>offline_access</c>, sliding: every use starts the period again.</summary>
    [Range(1, 3650, ErrorMessage = "must be from 1 to 3650 days")]
    public int RefreshTokenDays { get; set; } = 90;

    /// <summary>Refresh tokens for <c>online_access</c>: bounded by a member's session-length period.</summary>
    [Range(1, 168, ErrorMessage = "must be from 1 to 168 hours")]
    public int OnlineRefreshTokenHours { get; set; } = 12;

    /// <summary>How long a member has to finish sign-in and consent once an app sent them.</summary>
    [Range(1, 240, ErrorMessage = "must be from 1 to 240 minutes")]
    public int PendingAuthorizationMinutes { get; set; } = 30;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan IdTokenLifetime => TimeSpan.FromMinutes(IdTokenMinutes);

    public TimeSpan AuthorizationCodeLifetime => TimeSpan.FromSeconds(AuthorizationCodeSeconds);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);

    public TimeSpan OnlineRefreshTokenLifetime => TimeSpan.FromHours(OnlineRefreshTokenHours);

    public TimeSpan PendingAuthorizationLifetime => TimeSpan.FromMinutes(PendingAuthorizationMinutes);

    /// <summary>The longest any signed token lives: how long a retired key and a revocation entry must stay.</summary>
    public TimeSpan LongestSignedTokenLifetime => AccessTokenLifetime > IdTokenLifetime ? AccessTokenLifetime : IdTokenLifetime;
}
