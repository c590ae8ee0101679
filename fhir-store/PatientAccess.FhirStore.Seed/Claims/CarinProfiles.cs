namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>CARIN Blue Button profile canonicals.</summary>
public static class CarinProfiles
{
    private const string Base = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/";

    public const string InpatientInstitutional = Base + "C4BB-ExplanationOfBenefit-Inpatient-Institutional";
    public const string OutpatientInstitutional = Base + "C4BB-ExplanationOfBenefit-Outpatient-Institutional";
    public const string Professional = Base + "C4BB-ExplanationOfBenefit-Professional-NonClinician";
    public const string Pharmacy = Base + "C4BB-ExplanationOfBenefit-Pharmacy";
    public const string Coverage = Base + "C4BB-Coverage";
    public const string Patient = Base + "C4BB-Patient";
}
