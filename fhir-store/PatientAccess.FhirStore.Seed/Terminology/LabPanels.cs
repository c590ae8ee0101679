namespace PatientAccess.FhirStore.Seed.Terminology;

internal static class LabPanels
{
    public static readonly LabPanel Metabolic = new(
        Loinc("24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma"),
        Services.MetabolicPanel,
        [
            Test("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 70m, 99m, 0),
            Test("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.6m, 1.3m, 2),
            Test("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 135m, 145m, 0),
            Test("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 3.5m, 5.1m, 1),
        ]);

    public static readonly LabPanel Lipids = new(
        Loinc("24331-1", "Lipid 1996 panel - Serum or Plasma"),
        Services.LipidPanel,
        [
            Test("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 140m, 239m, 0),
            Test("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 60m, 199m, 0),
            Test("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 35m, 80m, 0),
            Test("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL", "mg/dL", 70m, 159m, 0),
        ]);

    public static readonly LabPanel A1c = new(
        Loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"),
        Services.HemoglobinA1c,
        [Test("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "%", 5.4m, 8.9m, 1)]);

    public static readonly LabPanel BloodCount = new(
        Loinc("58410-2", "CBC panel - Blood by Automated count"),
        Services.BloodCount,
        [
            Test("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", 12.0m, 17.0m, 1),
            Test("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 4.5m, 11.0m, 1),
            Test("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 150m, 400m, 0),
        ]);

    public static readonly LabPanel HivViralLoad = new(
        Loinc("25836-8", "HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection"),
        Services.HivViralLoad,
        [Test("25836-8", "HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection", "copies/mL", "{copies}/mL", 20m, 400m, 0)]);

    /// <summary>Panels a routine visit may order for anyone.</summary>
    public static IReadOnlyList<LabPanel> Routine { get; } = [Metabolic, BloodCount, Lipids];

    private static CodedConcept Loinc(string code, string display) => new(CodeSystems.Loinc, code, display);

    private static LabTest Test(string code, string display, string unit, string ucum, decimal low, decimal high, int decimals) =>
        new(Loinc(code, display), unit, ucum, low, high, decimals);
}
