using System.Globalization;
using PatientAccess.Fhir.Search;
using PatientAccess.Fhir.Tests.Fixtures;

namespace PatientAccess.Fhir.Tests.Unit.Search;

public sealed class SearchIndexerTests
{
    private static readonly SearchIndexer Indexer = new();

    [Fact]
    public void Index_Patient_IndexesIdentityVerificationFields()
    {
        var entries = Index(FhirResources.Patient, "Patient");

        Assert.Equal(
            [new TokenIndexEntry("identifier", "https://plan.example.org/member-id", "123456789123", "member id")],
            Of<TokenIndexEntry>(entries, "identifier"));
        Assert.Equal([new StringIndexEntry("family", "allen", "Allen")], Of<StringIndexEntry>(entries, "family"));
        Assert.Equal(
            [new StringIndexEntry("given", "john", "John"), new StringIndexEntry("given", "quincy", "Quincy")],
            Of<StringIndexEntry>(entries, "given"));
        Assert.Equal([Date("birthdate", "1950-10-19T00:00:00Z", "1950-10-20T00:00:00Z")], Of<DateIndexEntry>(entries, "birthdate"));
        Assert.Equal([new StringIndexEntry("address-postalcode", "02114", "02114")], Of<StringIndexEntry>(entries, "address-postalcode"));
    }

    [Fact]
    public void Index_Patient_HumanNameAndAddressIndexEveryPart()
    {
        var entries = Index(FhirResources.Patient, "Patient");

        Assert.Equal(["allen", "john", "quincy", "mr."], Of<StringIndexEntry>(entries, "name").Select(e => e.Normalized));
        Assert.Equal(
            ["1 cambridge st", "boston", "ma", "02114", "us"],
            Of<StringIndexEntry>(entries, "address").Select(e => e.Normalized));
    }

    [Fact]
    public void Index_Patient_TokensForCodeBooleanAndContactPoint()
    {
        var entries = Index(FhirResources.Patient, "Patient");

        Assert.Equal([new TokenIndexEntry("gender", null, "male", null)], Of<TokenIndexEntry>(entries, "gender"));
        Assert.Equal([new TokenIndexEntry("active", null, "true", null)], Of<TokenIndexEntry>(entries, "active"));
        Assert.Equal([new TokenIndexEntry("deceased", null, "false", null)], Of<TokenIndexEntry>(entries, "deceased"));
        Assert.Equal([new TokenIndexEntry("phone", null, "617-555-0100", null)], Of<TokenIndexEntry>(entries, "phone"));
        Assert.Equal([new TokenIndexEntry("email", null, "john.allen@example.org", null)], Of<TokenIndexEntry>(entries, "email"));
        Assert.Equal(2, Of<TokenIndexEntry>(entries, "telecom").Count);
        Assert.Equal([new TokenIndexEntry("address-use", null, "home", null)], Of<TokenIndexEntry>(entries, "address-use"));
    }

    [Fact]
    public void Index_Patient_CommonParametersAndReferences()
    {
        var entries = Index(FhirResources.Patient, "Patient");

        Assert.Equal([new TokenIndexEntry("_id", null, "john-allen", null)], Of<TokenIndexEntry>(entries, "_id"));
        Assert.Equal([Date("_lastUpdated", "2024-01-15T10:30:00Z", "2024-01-15T10:30:01Z")], Of<DateIndexEntry>(entries, "_lastUpdated"));
        Assert.Equal(
            [new TokenIndexEntry("_security", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "PSY", null)],
            Of<TokenIndexEntry>(entries, "_security"));
        Assert.Equal(
            [new UriIndexEntry("_profile", "http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Patient")],
            Of<UriIndexEntry>(entries, "_profile"));
        Assert.Equal([new ReferenceIndexEntry("link", "Patient", "john-allen-2019", null)], Of<ReferenceIndexEntry>(entries, "link"));
        Assert.Equal(
            [new ReferenceIndexEntry("organization", "Organization", "acme-health", null)],
            Of<ReferenceIndexEntry>(entries, "organization"));
    }

    [Fact]
    public void Index_DeceasedPatient_IndexesDeathDateAndDeceased()
    {
        var patient = FhirResources.Patient.Replace("\"active\": true", "\"deceasedDateTime\": \"2023-04\", \"active\": true", StringComparison.Ordinal);

        var entries = Index(patient, "Patient");

        Assert.Equal([Date("death-date", "2023-04-01T00:00:00Z", "2023-05-01T00:00:00Z")], Of<DateIndexEntry>(entries, "death-date"));
        Assert.Equal([new TokenIndexEntry("deceased", null, "true", null)], Of<TokenIndexEntry>(entries, "deceased"));
    }

    [Fact]
    public void Index_ExplanationOfBenefit_IndexesReferencesDatesAndTokens()
    {
        var entries = Index(FhirResources.ExplanationOfBenefit, "ExplanationOfBenefit");

        Assert.Equal([new ReferenceIndexEntry("patient", "Patient", "john-allen", null)], Of<ReferenceIndexEntry>(entries, "patient"));
        Assert.Equal(
            [new ReferenceIndexEntry("provider", "Practitioner", "dr-smith", "https://fhir.example.org/r4/Practitioner/dr-smith")],
            Of<ReferenceIndexEntry>(entries, "provider"));
        Assert.Equal([new ReferenceIndexEntry("coverage", "Coverage", "cov-john-allen", null)], Of<ReferenceIndexEntry>(entries, "coverage"));
        Assert.Equal([new ReferenceIndexEntry("care-team", "Practitioner", "dr-smith", null)], Of<ReferenceIndexEntry>(entries, "care-team"));
        Assert.Equal([new ReferenceIndexEntry("encounter", "Encounter", "enc-1", null)], Of<ReferenceIndexEntry>(entries, "encounter"));
        Assert.Equal([new ReferenceIndexEntry("facility", "Location", "boston-clinic", null)], Of<ReferenceIndexEntry>(entries, "facility"));
        Assert.Equal(
            [new ReferenceIndexEntry("payee", "Organization", "boston-clinic-group", null)],
            Of<ReferenceIndexEntry>(entries, "payee"));
        Assert.Equal([Date("created", "2024-01-12T14:00:00Z", "2024-01-12T14:00:01Z")], Of<DateIndexEntry>(entries, "created"));
        Assert.Equal(
            [new TokenIndexEntry("identifier", "https://plan.example.org/claim-id", "CLM-2024-0001", null)],
            Of<TokenIndexEntry>(entries, "identifier"));
        Assert.Equal([new TokenIndexEntry("status", null, "active", null)], Of<TokenIndexEntry>(entries, "status"));
        Assert.Equal(
            ["claim settled as per contract"],
            Of<StringIndexEntry>(entries, "disposition").Select(e => e.Normalized));
    }

    [Fact]
    public void Index_Coverage_IndexesEveryMemberLink()
    {
        var entries = Index(FhirResources.Coverage, "Coverage");

        var johnAllen = new[] { "Patient/john-allen" };
        Assert.Equal(johnAllen, References(entries, "beneficiary"));
        Assert.Equal(johnAllen, References(entries, "patient"));
        Assert.Equal(johnAllen, References(entries, "subscriber"));
        Assert.Equal(johnAllen, References(entries, "policy-holder"));
        Assert.Equal(["Organization/acme-health"], References(entries, "payor"));
        Assert.Equal(
            [
                new TokenIndexEntry("type", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "HIP", "health insurance plan policy"),
                new TokenIndexEntry("type", null, null, "health plan"),
            ],
            Of<TokenIndexEntry>(entries, "type"));
        Assert.Equal(
            [new TokenIndexEntry("class-type", "http://terminology.hl7.org/CodeSystem/coverage-class", "group", null)],
            Of<TokenIndexEntry>(entries, "class-type"));
        Assert.Equal([new StringIndexEntry("class-value", "grp-100", "GRP-100")], Of<StringIndexEntry>(entries, "class-value"));
        Assert.Equal([new StringIndexEntry("dependent", "01", "01")], Of<StringIndexEntry>(entries, "dependent"));
    }

    [Fact]
    public void Index_ObservationWithQuantityAndDateTime_IndexesValueAndEffective()
    {
        var entries = Index(FhirResources.WeightObservation, "Observation");

        var weight = new QuantityIndexEntry("value-quantity", 82.5m, 82.5m, "http://unitsofmeasure.org", "kg", "kg");
        Assert.Equal([weight], Of<QuantityIndexEntry>(entries, "value-quantity"));
        Assert.Equal([weight with { Code = "combo-value-quantity" }], Of<QuantityIndexEntry>(entries, "combo-value-quantity"));
        Assert.Equal([Date("date", "2024-02-01T08:30:00Z", "2024-02-01T08:30:01Z")], Of<DateIndexEntry>(entries, "date"));
        Assert.Equal(
            [
                new TokenIndexEntry("code", "http://loinc.org", "29463-7", "body weight"),
                new TokenIndexEntry("code", null, null, "weight"),
            ],
            Of<TokenIndexEntry>(entries, "code"));
        Assert.Equal(["Patient/john-allen"], References(entries, "patient"));
        Assert.Equal(["Patient/john-allen"], References(entries, "subject"));
        Assert.Equal(["Practitioner/dr-smith"], References(entries, "performer"));
        Assert.Empty(Of<QuantityIndexEntry>(entries, "component-value-quantity"));
    }

    [Fact]
    public void Index_ObservationWithOpenPeriodAndComponents_IndexesEachComponent()
    {
        var entries = Index(FhirResources.BloodPressureObservation, "Observation");

        Assert.Equal([new DateIndexEntry("date", At("2024-03-01T09:00:00Z"), DateTimeOffset.MaxValue)], Of<DateIndexEntry>(entries, "date"));
        Assert.Equal([120m, 80m], Of<QuantityIndexEntry>(entries, "component-value-quantity").Select(e => e.Low));
        Assert.Equal([120m, 80m], Of<QuantityIndexEntry>(entries, "combo-value-quantity").Select(e => e.Low));
        Assert.Empty(Of<QuantityIndexEntry>(entries, "value-quantity"));
        Assert.Equal(["8480-6", "8462-4"], Of<TokenIndexEntry>(entries, "component-code").Select(e => e.Value));
        Assert.Equal(["85354-9", "8480-6", "8462-4"], Of<TokenIndexEntry>(entries, "combo-code").Select(e => e.Value));
    }

    [Fact]
    public void Index_ObservationOfGroup_IndexesSubjectButNotPatient()
    {
        var observation = FhirResources.WeightObservation.Replace("Patient/john-allen", "Group/household-7", StringComparison.Ordinal);

        var entries = Index(observation, "Observation");

        Assert.Equal(["Group/household-7"], References(entries, "subject"));
        Assert.Empty(References(entries, "patient"));
    }

    [Fact]
    public void Index_ConditionWithPartialOnset_IndexesMonthRange()
    {
        var entries = Index(FhirResources.Condition, "Condition");

        Assert.Equal([Date("onset-date", "2015-06-01T00:00:00Z", "2015-07-01T00:00:00Z")], Of<DateIndexEntry>(entries, "onset-date"));
        Assert.Equal([Date("recorded-date", "2015-07-02T00:00:00Z", "2015-07-03T00:00:00Z")], Of<DateIndexEntry>(entries, "recorded-date"));
        Assert.Equal(
            [new TokenIndexEntry("code", "http://hl7.org/fhir/sid/icd-10-cm", "E11.9", "type 2 diabetes mellitus without complications")],
            Of<TokenIndexEntry>(entries, "code"));
        Assert.Equal(["Patient/john-allen"], References(entries, "patient"));
        Assert.Equal(["Practitioner/dr-smith"], References(entries, "asserter"));
        Assert.Empty(Of<QuantityIndexEntry>(entries, "onset-age"));
    }

    [Fact]
    public void Index_ConditionWithOnsetAgeAndAbatementRange_IndexesQuantities()
    {
        var condition = FhirResources.Condition
            .Replace("\"onsetDateTime\": \"2015-06\"", "\"onsetAge\": { \"value\": 40, \"unit\": \"yr\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"a\" }", StringComparison.Ordinal)
            .Replace("\"recordedDate\"", "\"abatementRange\": { \"low\": { \"value\": 50, \"code\": \"a\" } }, \"recordedDate\"", StringComparison.Ordinal);

        var entries = Index(condition, "Condition");

        Assert.Equal([new QuantityIndexEntry("onset-age", 40m, 40m, "http://unitsofmeasure.org", "a", "yr")], Of<QuantityIndexEntry>(entries, "onset-age"));
        Assert.Equal([new QuantityIndexEntry("abatement-age", 50m, decimal.MaxValue, null, "a", null)], Of<QuantityIndexEntry>(entries, "abatement-age"));
        Assert.Empty(Of<DateIndexEntry>(entries, "onset-date"));
    }

    [Fact]
    public void Index_EncounterPeriod_CoversStartToEndOfEndPrecision()
    {
        var entries = Index(FhirResources.Encounter, "Encounter");

        Assert.Equal([Date("date", "2024-01-10T14:00:00Z", "2024-01-10T14:30:01Z")], Of<DateIndexEntry>(entries, "date"));
        Assert.Equal([new QuantityIndexEntry("length", 30m, 30m, "http://unitsofmeasure.org", "min", "min")], Of<QuantityIndexEntry>(entries, "length"));
        Assert.Equal(
            [new TokenIndexEntry("class", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory")],
            Of<TokenIndexEntry>(entries, "class"));
        Assert.Equal(["Practitioner/dr-smith"], References(entries, "practitioner"));
    }

    [Fact]
    public void Index_MedicationRequest_IndexesMedicationReference()
    {
        var entries = Index(FhirResources.MedicationRequest, "MedicationRequest");

        Assert.Equal(["Medication/metformin-500"], References(entries, "medication"));
        Assert.Equal([Date("authoredon", "2024-01-10T00:00:00Z", "2024-01-11T00:00:00Z")], Of<DateIndexEntry>(entries, "authoredon"));
        Assert.Empty(Of<TokenIndexEntry>(entries, "code"));
    }

    [Fact]
    public void Index_PractitionerWithAccentedName_NormalizesButKeepsExact()
    {
        var entries = Index(FhirResources.Practitioner, "Practitioner");

        Assert.Equal([new StringIndexEntry("given", "zoe", "Zoë")], Of<StringIndexEntry>(entries, "given"));
        Assert.Equal(
            [new TokenIndexEntry("identifier", "http://hl7.org/fhir/sid/us-npi", "1234567893", null)],
            Of<TokenIndexEntry>(entries, "identifier"));
    }

    [Fact]
    public void Index_MalformedDate_LeavesValueOut()
    {
        var entries = Index(FhirResources.Patient.Replace("1950-10-19", "19501019", StringComparison.Ordinal), "Patient");

        Assert.Empty(Of<DateIndexEntry>(entries, "birthdate"));
    }

    [Fact]
    public void Index_WrongResourceType_Throws()
    {
        Assert.Throws<ArgumentException>(() => Indexer.Index(FhirResources.Parse(FhirResources.Patient), "Coverage"));
    }

    private static IReadOnlyList<SearchIndexEntry> Index(string json, string resourceType) =>
        Indexer.Index(FhirResources.Parse(json), resourceType);

    private static List<T> Of<T>(IReadOnlyList<SearchIndexEntry> entries, string code)
        where T : SearchIndexEntry =>
        [.. entries.OfType<T>().Where(e => e.Code == code)];

    private static List<string> References(IReadOnlyList<SearchIndexEntry> entries, string code) =>
        [.. Of<ReferenceIndexEntry>(entries, code).Select(e => $"{e.ResourceType}/{e.Id}")];

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static DateIndexEntry Date(string code, string low, string high) => new(code, At(low), At(high));
}
