using PatientAccess.LoadTests.Scenarios.Token;

namespace PatientAccess.LoadTests.Cli;

/// <summary>The validated options of the <c>token</c> command.</summary>
internal sealed record TokenCommandOptions : CommandOptions
{
    public const int DefaultSessions = 4;

    /// <summary>Closed-model default: codes per concurrent instance, enough for a short comparison run.</summary>
    public const int DefaultCodesPerInstance = 200;

    /// <summary>Access tokens introspected round-robin.</summary>
    public const int IntrospectedTokens = 16;

    /// <summary>A generous refresh latency on loopback, for sizing the pool by Little's law (in flight = rate × latency).</summary>
    public static readonly TimeSpan ExpectedRefreshLatency = TimeSpan.FromMilliseconds(250);

    public required SmartTargetOptions Target { get; init; }

    public required LoadOptions Load { get; init; }

    public required TokenGrant Grant { get; init; }

    /// <summary>Member sessions minting codes in parallel while preparing.</summary>
    public int Sessions { get; init; } = DefaultSessions;

    /// <summary>Closed model, authorization_code: codes to prepare (null: concurrency × 200).</summary>
    public int? Codes { get; init; }

    /// <summary>The scenario name reports and file names use.</summary>
    public string ScenarioName => Grant switch
    {
        TokenGrant.AuthorizationCode => "token-authorization_code",
        TokenGrant.RefreshToken => "token-refresh_token",
        _ => "introspect",
    };

    /// <summary>
    /// What preparation makes: one code per arrival (open) or <see cref="Codes"/> (closed) for
    /// authorization_code; for refresh_token a pool of at least max(concurrency, 2 × expected in
    /// flight); for introspect a fixed handful of access tokens.
    /// </summary>
    public int PreparedCount => Grant switch
    {
        TokenGrant.AuthorizationCode => Load.OpenPhase is { } open ? (int)Math.Min(open.ArrivalCount, int.MaxValue) : Codes ?? (Load.Concurrency!.Value * DefaultCodesPerInstance),
        TokenGrant.RefreshToken => Load.Concurrency is { } copies
            ? 2 * copies
            : Math.Max(4, 2 * (int)Math.Ceiling(Load.PeakRate!.Value * ExpectedRefreshLatency.TotalSeconds)),
        _ => IntrospectedTokens,
    };
}
