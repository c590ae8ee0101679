using System.Globalization;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>
/// Authorization codes live 5 minutes (the authserver's default Tokens:AuthorizationCodeSeconds,
/// RFC 6749 §4.1.2), and all of them are minted before the load starts. A plan whose preparation
/// plus load (plus one request timeout for the last request) would outlive them is refused, so
/// expired codes never pass for server failures.
/// </summary>
internal static class CodeLifetimePlan
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Preparation time for <paramref name="total"/> codes, extrapolated from minting the first <paramref name="minted"/>.</summary>
    public static TimeSpan Extrapolate(TimeSpan elapsed, int minted, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minted);
        return elapsed * ((double)total / minted);
    }

    /// <summary>Null when the plan fits the code lifetime; otherwise one line naming --duration.</summary>
    public static string? Problem(TimeSpan preparation, int codes, TimeSpan duration, TimeSpan timeout)
    {
        if (preparation + duration + timeout < CodeLifetime)
        {
            return null;
        }

        var prepared = preparation > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"preparing {codes} codes (about {preparation.TotalSeconds:0} s) plus ")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"--duration: {prepared}{duration.TotalSeconds:0.#} s of load and the {timeout.TotalSeconds:0.#} s timeout outlive the " +
            $"authorization codes' {CodeLifetime.TotalMinutes:0}-minute lifetime; lower --duration, or --rate (--codes for --concurrency)");
    }
}
