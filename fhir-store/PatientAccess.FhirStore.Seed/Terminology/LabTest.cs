namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>A quantitative lab result: LOINC code, UCUM unit and the normal range values are drawn around.</summary>
internal sealed record LabTest(CodedConcept Code, string Unit, string UcumCode, decimal Low, decimal High, int Decimals);
