using PatientAccess.Monitor.Detection;

namespace PatientAccess.Monitor.Tests.Unit.Detection;

/// <summary>The tail probabilities the baseline detector shows staff, against values computed independently (closed forms and Python's math.lgamma).</summary>
public sealed class CountTailTests
{
    [Theory]
    [InlineData(3, 1.0, 0.08030139707139416)] // 1 - e^-1 (1 + 1 + 1/2)
    [InlineData(10, 1.0, 1.1142547833872079e-07)]
    [InlineData(25, 10.0, 4.6949381426799874e-05)]
    [InlineData(1200, 1000.0, 4.684203855872235e-10)]
    [InlineData(2, 5.0, 0.9595723180054871)]
    [InlineData(5, 5.0, 0.5595067149347877)]
    public void Poisson_KnownTails_MatchToSixDigits(long k, double mean, double expected)
    {
        Assert.Equal(expected, CountTail.Poisson(k, mean), expected * 1e-6);
    }

    [Fact]
    public void Poisson_ZeroOrLess_IsCertain()
    {
        Assert.Equal(1.0, CountTail.Poisson(0, 3));
    }

    [Fact]
    public void NegativeBinomial_Overdispersed_KnownTailAndWiderThanPoisson()
    {
        var tail = CountTail.NegativeBinomial(25, 10, 30);
        Assert.Equal(0.016100465167446346, tail, 1e-8);
        Assert.True(tail > CountTail.Poisson(25, 10) * 100, "overdispersion must widen the tail");
    }

    [Fact]
    public void NegativeBinomial_VarianceEqualToMean_IsThePoisson()
    {
        Assert.Equal(CountTail.Poisson(12, 4), CountTail.NegativeBinomial(12, 4, 4));
    }

    [Fact]
    public void Poisson_FarTail_NeitherNegativeNorNaN()
    {
        var tail = CountTail.Poisson(5000, 1);
        Assert.InRange(tail, 0.0, 1e-300);
        Assert.False(double.IsNaN(tail));
    }

    [Theory]
    [InlineData(0.5, 0.5723649429247001)] // ln(sqrt(pi))
    [InlineData(10.0, 12.801827480081469)] // ln(9!)
    [InlineData(171.5, 709.1431630309282)] // beyond the double range of Γ itself
    public void LogGamma_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, CountTail.LogGamma(x), 1e-9);
    }
}
