using PatientAccess.FhirStore.Seed.Randomness;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class SeededRandomTests
{
    [Fact]
    public void NextUInt64_SameSeed_RepeatsTheSequence()
    {
        var first = new SeededRandom(42);
        var second = new SeededRandom(42);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => first.NextUInt64()), Enumerable.Range(0, 100).Select(_ => second.NextUInt64()));
    }

    [Fact]
    public void For_DifferentIndexes_GivesIndependentStreams()
    {
        var values = Enumerable.Range(0, 1000).Select(i => SeededRandom.For(1, 1, i).NextUInt64()).ToArray();

        Assert.Equal(values.Length, values.Distinct().Count());
    }

    [Fact]
    public void Next_Bound_StaysInRangeAndCoversIt()
    {
        var random = new SeededRandom(7);
        var seen = new int[10];

        for (var i = 0; i < 10_000; i++)
        {
            seen[random.Next(10)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void Decimal_Range_StaysInsideAndRounds()
    {
        var random = new SeededRandom(3);

        for (var i = 0; i < 1000; i++)
        {
            var value = random.Decimal(1.5m, 2.5m, 2);
            Assert.InRange(value, 1.5m, 2.5m);
            Assert.Equal(value, Math.Round(value, 2));
        }
    }
}
