namespace PatientAccess.FhirStore.Seed.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64. System.Random's algorithm is unspecified and has
/// changed between .NET versions; pinning our own keeps seeded output byte-identical forever.
/// </summary>
internal sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public SeededRandom(ulong seed)
    {
        var state = seed;
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    /// <summary>
    /// An independent stream per (seed, stream, index), so member 42 comes out the same whether
    /// 50 or 50,000 members are generated.
    /// </summary>
    public static SeededRandom For(long seed, ulong stream, long index)
    {
        var state = unchecked((ulong)seed);
        var mixed = SplitMix(ref state) ^ (stream * 0xD1B54A32D192ED03UL);
        mixed = SplitMix(ref mixed) ^ unchecked((ulong)index * 0x9E3779B97F4A7C15UL);
        return new SeededRandom(SplitMix(ref mixed));
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, maxExclusive) without modulo bias (Lemire's method).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return (int)product;
    }

    /// <summary>Uniform in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A decimal in [min, max] rounded to the given number of places.</summary>
    public decimal Decimal(decimal min, decimal max, int decimals)
    {
        var fraction = (decimal)NextDouble();
        return Math.Round(min + ((max - min) * fraction), decimals, MidpointRounding.AwayFromZero);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public DateOnly DateBetween(DateOnly first, DateOnly last) =>
        first.AddDays(Next(last.DayNumber - first.DayNumber + 1));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
