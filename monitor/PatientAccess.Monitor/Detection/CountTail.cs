namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Upper-tail probabilities of counts, P(X ≥ k), for the Poisson and the negative binomial
/// (mean and variance; variance above the mean), computed in log space so large means and far
/// tails neither underflow nor lose precision.
/// </summary>
internal static class CountTail
{
    private const double Negligible = 1e-17;

    /// <summary>P(X ≥ k) for X Poisson with mean <paramref name="mean"/>.</summary>
    public static double Poisson(long k, double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        if (k <= 0)
        {
            return 1;
        }

        // log P(X = k) = -mean + k log(mean) - log k!; then the ratios P(x+1)/P(x) = mean/(x+1).
        var logPk = -mean + (k * Math.Log(mean)) - LogGamma(k + 1);
        return k > mean
            ? Math.Min(1, SumUp(logPk, k, x => mean / (x + 1)))
            : Math.Max(0, 1 - SumDown(logPk, k, x => x / mean));
    }

    /// <summary>P(X ≥ k) for X negative binomial with <paramref name="mean"/> and <paramref name="variance"/> (&gt; mean); Poisson when it is not above.</summary>
    public static double NegativeBinomial(long k, double mean, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        if (variance <= mean * (1 + 1e-9))
        {
            return Poisson(k, mean);
        }

        if (k <= 0)
        {
            return 1;
        }

        // r successes, success probability p: mean = r(1-p)/p, variance = mean/p.
        var p = mean / variance;
        var r = mean * p / (1 - p);
        var logPk = LogGamma(k + r) - LogGamma(r) - LogGamma(k + 1) + (r * Math.Log(p)) + (k * Math.Log(1 - p));
        // P(x+1)/P(x) = (x + r)(1 - p)/(x + 1).
        return k > mean
            ? Math.Min(1, SumUp(logPk, k, x => (x + r) * (1 - p) / (x + 1)))
            : Math.Max(0, 1 - SumDown(logPk, k, x => x / ((x - 1 + r) * (1 - p))));
    }

    /// <summary>Lanczos approximation (g = 7, 9 terms): about 15 significant digits for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var a = c[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++)
        {
            a += c[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>Σ P(x) for x ≥ k, from P(k) upward by the ratio until the terms no longer matter.</summary>
    private static double SumUp(double logPk, long k, Func<double, double> ratio)
    {
        var term = Math.Exp(logPk);
        var sum = term;
        for (double x = k; term > sum * Negligible && x < k + 10_000_000; x++)
        {
            term *= ratio(x);
            sum += term;
        }

        return sum;
    }

    /// <summary>Σ P(x) for x &lt; k, from P(k) downward (ratio(x) = P(x-1)/P(x)).</summary>
    private static double SumDown(double logPk, long k, Func<double, double> ratio)
    {
        var term = Math.Exp(logPk);
        var sum = 0.0;
        for (double x = k; x > 0; x--)
        {
            term *= ratio(x);
            sum += term;
            if (term < sum * Negligible)
            {
                break;
            }
        }

        return sum;
    }
}
