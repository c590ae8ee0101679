namespace PatientAccess.FhirStore.Seed;

/// <summary>What to generate. The same options always produce byte-identical output.</summary>
public sealed record SyntheticDataOptions
{
    /// <summary>The reference date when none is given: all history lies before it.</summary>
    public static readonly DateOnly DefaultReferenceDate = new(2026, 1, 1);

    /// <summary>Random members to generate, in addition to the demo member and the four-member family that are always present.</summary>
    public int Members { get; init; } = 100;

    public long Seed { get; init; } = 1;

    /// <summary>"Today" for the data: claims and clinical history end the day before; ages are computed on it.</summary>
    public DateOnly ReferenceDate { get; init; } = DefaultReferenceDate;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Members, nameof(Members));
        if (ReferenceDate.Year < 2000 || ReferenceDate.Year > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(ReferenceDate), ReferenceDate, "The reference date must lie between the years 2000 and 2200.");
        }
    }
}
