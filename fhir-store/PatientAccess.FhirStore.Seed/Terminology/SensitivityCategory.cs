namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// A sensitive-information label from the HL7 v3 ActCode system, carried in <c>meta.security</c>.
/// The store releases such resources only when the member consented to the category.
/// </summary>
public sealed record SensitivityCategory(string Code, string Display)
{
    /// <summary>Substance use disorder (42 CFR Part 2).</summary>
    public static readonly SensitivityCategory SubstanceUse = new("ETH", "substance abuse information sensitivity");

    public static readonly SensitivityCategory Psychiatry = new("PSY", "psychiatry disorder information sensitivity");

    public static readonly SensitivityCategory MentalHealth = new("MH", "mental health information sensitivity");

    public static readonly SensitivityCategory Hiv = new("HIV", "HIV/AIDS information sensitivity");

    public static readonly SensitivityCategory SexualHealth = new("SEX", "sexuality and reproductive health information sensitivity");

    public static readonly SensitivityCategory SexuallyTransmittedDisease = new("STD", "sexually transmitted disease information sensitivity");

    public static readonly SensitivityCategory Genetics = new("GDIS", "genetic disease information sensitivity");

    public static readonly SensitivityCategory DomesticViolence = new("SDV", "sexual assault, abuse, or domestic violence information sensitivity");

    /// <summary>Every label the generator uses, in a fixed order.</summary>
    public static IReadOnlyList<SensitivityCategory> All { get; } =
    [
        SubstanceUse, Psychiatry, MentalHealth, Hiv, SexualHealth, SexuallyTransmittedDisease, Genetics, DomesticViolence,
    ];
}
