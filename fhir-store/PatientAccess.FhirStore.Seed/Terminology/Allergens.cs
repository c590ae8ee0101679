namespace PatientAccess.FhirStore.Seed.Terminology;

internal static class Allergens
{
    private static readonly CodedConcept Hives = new(CodeSystems.Snomed, "247472004", "Wheal");
    private static readonly CodedConcept Rash = new(CodeSystems.Snomed, "271807003", "Eruption of skin");
    private static readonly CodedConcept Anaphylaxis = new(CodeSystems.Snomed, "39579001", "Anaphylaxis");
    private static readonly CodedConcept Nausea = new(CodeSystems.Snomed, "422587007", "Nausea");

    public static IReadOnlyList<Allergen> All { get; } =
    [
        new(new CodedConcept(CodeSystems.RxNorm, "7980", "Penicillin G"), "medication", Hives),
        new(new CodedConcept(CodeSystems.RxNorm, "2670", "Codeine"), "medication", Nausea),
        new(new CodedConcept(CodeSystems.RxNorm, "1191", "Aspirin"), "medication", Rash),
        new(new CodedConcept(CodeSystems.Snomed, "256349002", "Peanut - dietary (substance)"), "food", Anaphylaxis),
        new(new CodedConcept(CodeSystems.Snomed, "111088007", "Latex (substance)"), "environment", Rash),
    ];
}
