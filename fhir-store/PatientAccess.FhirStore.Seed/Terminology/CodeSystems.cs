namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>Canonical URIs of the code and identifier systems the generated data uses.</summary>
public static class CodeSystems
{
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Icd10Pcs = "http://www.cms.gov/Medicare/Coding/ICD10";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public const string Ndc = "http://hl7.org/fhir/sid/ndc";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";
    public const string Tin = "urn:oid:2.16.840.1.113883.4.4";
    public const string NuccTaxonomy = "http://nucc.org/provider-taxonomy";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string Confidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public const string IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string ClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";
    public const string Adjudication = "http://terminology.hl7.org/CodeSystem/adjudication";
    public const string PaymentType = "http://terminology.hl7.org/CodeSystem/ex-paymenttype";
    public const string DiagnosisType = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";
    public const string SubscriberRelationship = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    public const string CoverageClass = "http://terminology.hl7.org/CodeSystem/coverage-class";
    public const string OrganizationType = "http://terminology.hl7.org/CodeSystem/organization-type";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public const string DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";
    public const string ProvenanceParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public const string PlaceOfService = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    public const string RevenueCode = "https://www.nubc.org/CodeSystem/RevenueCodes";
    public const string TypeOfBill = "https://www.nubc.org/CodeSystem/TypeOfBill";
    public const string DischargeStatus = "https://www.nubc.org/CodeSystem/PatDischargeStatus";
    public const string MsDrg = "https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public const string UsCoreDocumentCategory = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
    public const string CarePlanCategory = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";
    public const string OmbRaceEthnicity = "urn:oid:2.16.840.1.113883.6.238";
    public const string C4BBIdentifierType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";
    public const string C4BBAdjudication = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";
    public const string C4BBSupportingInfoType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType";
    public const string C4BBCareTeamRole = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole";
    public const string C4BBDiagnosisType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType";
    public const string C4BBProcedureType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimProcedureType";
    public const string C4BBInstitutionalSubType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType";
    public const string C4BBPayerAdjudicationStatus = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus";

    /// <summary>Member IDs the plan issues; the authorization server matches this system when it verifies identity.</summary>
    public const string MemberId = "http://example.org/fhir/sid/member-id";

    /// <summary>The plan's own claim numbers.</summary>
    public const string ClaimNumber = "http://example.org/fhir/sid/claim-number";
}
