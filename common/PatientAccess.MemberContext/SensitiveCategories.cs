using System.Collections.Frozen;

namespace PatientAccess.MemberContext;

/// <summary>
/// Sensitivity labels carried in <c>meta.security</c> (HL7 v3 ActCode) that a resource is
/// withheld for unless the member opted in to share that category.
/// </summary>
public static class SensitiveCategories
{
    public const string System = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>42 CFR Part 2 substance use disorder information.</summary>
    public const string SubstanceUse = "ETH";
    public const string Psychiatry = "PSY";
    public const string MentalHealth = "MH";
    public const string Hiv = "HIV";
    public const string Sexuality = "SEX";
    public const string SexuallyTransmittedDisease = "STD";
    public const string GeneticDisease = "GDIS";
    public const string SexualAndDomesticViolence = "SDV";

    public static FrozenSet<string> All { get; } = new[]
    {
        SubstanceUse, Psychiatry, MentalHealth, Hiv, Sexuality, SexuallyTransmittedDisease, GeneticDisease, SexualAndDomesticViolence,
    }.ToFrozenSet(StringComparer.Ordinal);
}
