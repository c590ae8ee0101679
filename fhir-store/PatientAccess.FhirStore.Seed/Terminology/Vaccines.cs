namespace PatientAccess.FhirStore.Seed.Terminology;

internal static class Vaccines
{
    public static readonly Vaccine Influenza = Cvx("140", "Influenza, seasonal, injectable, preservative free", 0, 120);

    /// <summary>Given at most once in the window each, when the member's age fits.</summary>
    public static IReadOnlyList<Vaccine> OneTime { get; } =
    [
        Cvx("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", 12, 120),
        Cvx("115", "Tdap", 11, 120),
        Cvx("187", "zoster vaccine recombinant", 50, 120),
        Cvx("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", 65, 120),
        Cvx("165", "HPV9", 9, 26),
        Cvx("03", "MMR", 1, 6),
        Cvx("21", "varicella", 1, 6),
        Cvx("20", "DTaP", 0, 6),
        Cvx("10", "IPV", 0, 6),
        Cvx("08", "Hep B, adolescent or pediatric", 0, 2),
    ];

    private static Vaccine Cvx(string code, string display, int minimumAge, int maximumAge) =>
        new(new CodedConcept(CodeSystems.Cvx, code, display), minimumAge, maximumAge);
}
