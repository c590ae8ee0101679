using System.Text.Json;

namespace PatientAccess.Fhir.Tests.Fixtures;

/// <summary>
/// Realistic Patient Access resources (CARIN Blue Button and US Core shaped) around the demo
/// member John Allen, all valid against the R4 schema.
/// </summary>
internal static class FhirResources
{
    public const string Patient = """
        {
          "resourceType": "Patient",
          "id": "john-allen",
          "meta": {
            "lastUpdated": "2024-01-15T10:30:00Z",
            "profile": ["http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Patient"],
            "security": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "PSY" }]
          },
          "identifier": [{
            "type": {
              "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MB" }],
              "text": "Member ID"
            },
            "system": "https://plan.example.org/member-id",
            "value": "123456789123"
          }],
          "active": true,
          "name": [{ "use": "official", "family": "Allen", "given": ["John", "Quincy"], "prefix": ["Mr."] }],
          "telecom": [
            { "system": "phone", "value": "617-555-0100", "use": "home" },
            { "system": "email", "value": "john.allen@example.org" }
          ],
          "gender": "male",
          "birthDate": "1950-10-19",
          "address": [{
            "use": "home", "line": ["1 Cambridge St"], "city": "Boston", "state": "MA",
            "postalCode": "02114", "country": "US"
          }],
          "managingOrganization": { "reference": "Organization/acme-health" },
          "link": [{ "other": { "reference": "Patient/john-allen-2019" }, "type": "replaces" }]
        }
        """;

    public const string ExplanationOfBenefit = """
        {
          "resourceType": "ExplanationOfBenefit",
          "id": "eob-professional-1",
          "identifier": [{ "system": "https://plan.example.org/claim-id", "value": "CLM-2024-0001" }],
          "status": "active",
          "type": {
            "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional", "display": "Professional" }]
          },
          "use": "claim",
          "patient": { "reference": "Patient/john-allen" },
          "billablePeriod": { "start": "2024-01-10", "end": "2024-01-10" },
          "created": "2024-01-12T09:00:00-05:00",
          "insurer": { "reference": "Organization/acme-health" },
          "provider": { "reference": "https://fhir.example.org/r4/Practitioner/dr-smith" },
          "outcome": "complete",
          "disposition": "Claim settled as per contract",
          "careTeam": [{ "sequence": 1, "provider": { "reference": "Practitioner/dr-smith" } }],
          "facility": { "reference": "Location/boston-clinic" },
          "payee": {
            "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/payeetype", "code": "provider" }] },
            "party": { "reference": "Organization/boston-clinic-group" }
          },
          "insurance": [{ "focal": true, "coverage": { "reference": "Coverage/cov-john-allen" } }],
          "item": [{
            "sequence": 1,
            "productOrService": { "coding": [{ "system": "http://www.ama-assn.org/go/cpt", "code": "99213" }] },
            "servicedDate": "2024-01-10",
            "encounter": [{ "reference": "Encounter/enc-1" }],
            "adjudication": [{
              "category": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/adjudication", "code": "submitted" }] },
              "amount": { "value": 150.00, "currency": "USD" }
            }]
          }],
          "total": [{
            "category": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/adjudication", "code": "submitted" }] },
            "amount": { "value": 150.00, "currency": "USD" }
          }]
        }
        """;

    public const string Coverage = """
        {
          "resourceType": "Coverage",
          "id": "cov-john-allen",
          "identifier": [{ "system": "https://plan.example.org/member-id", "value": "123456789123" }],
          "status": "active",
          "type": {
            "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "HIP", "display": "health insurance plan policy" }],
            "text": "Health Plan"
          },
          "policyHolder": { "reference": "Patient/john-allen" },
          "subscriber": { "reference": "Patient/john-allen" },
          "subscriberId": "123456789",
          "beneficiary": { "reference": "Patient/john-allen" },
          "dependent": "01",
          "relationship": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "self" }] },
          "period": { "start": "2024-01-01" },
          "payor": [{ "reference": "Organization/acme-health" }],
          "class": [{
            "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/coverage-class", "code": "group" }] },
            "value": "GRP-100",
            "name": "Acme Employees"
          }]
        }
        """;

    public const string WeightObservation = """
        {
          "resourceType": "Observation",
          "id": "weight-1",
          "status": "final",
          "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs" }] }],
          "code": {
            "coding": [{ "system": "http://loinc.org", "code": "29463-7", "display": "Body Weight" }],
            "text": "Weight"
          },
          "subject": { "reference": "Patient/john-allen" },
          "effectiveDateTime": "2024-02-01T08:30:00Z",
          "performer": [{ "reference": "Practitioner/dr-smith" }],
          "valueQuantity": { "value": 82.5, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg" }
        }
        """;

    public const string BloodPressureObservation = """
        {
          "resourceType": "Observation",
          "id": "bp-1",
          "status": "final",
          "code": { "coding": [{ "system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel" }] },
          "subject": { "reference": "Patient/john-allen" },
          "effectivePeriod": { "start": "2024-03-01T09:00:00Z" },
          "component": [
            {
              "code": { "coding": [{ "system": "http://loinc.org", "code": "8480-6" }] },
              "valueQuantity": { "value": 120, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" }
            },
            {
              "code": { "coding": [{ "system": "http://loinc.org", "code": "8462-4" }] },
              "valueQuantity": { "value": 80, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" }
            }
          ]
        }
        """;

    public const string Condition = """
        {
          "resourceType": "Condition",
          "id": "diabetes-1",
          "clinicalStatus": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active" }] },
          "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "problem-list-item" }] }],
          "code": {
            "coding": [{ "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9", "display": "Type 2 diabetes mellitus without complications" }]
          },
          "subject": { "reference": "Patient/john-allen" },
          "onsetDateTime": "2015-06",
          "recordedDate": "2015-07-02",
          "asserter": { "reference": "Practitioner/dr-smith" }
        }
        """;

    public const string Encounter = """
        {
          "resourceType": "Encounter",
          "id": "enc-1",
          "status": "finished",
          "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB", "display": "ambulatory" },
          "subject": { "reference": "Patient/john-allen" },
          "participant": [{ "individual": { "reference": "Practitioner/dr-smith" } }],
          "period": { "start": "2024-01-10T14:00:00Z", "end": "2024-01-10T14:30:00Z" },
          "length": { "value": 30, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min" },
          "serviceProvider": { "reference": "Organization/boston-clinic-group" }
        }
        """;

    public const string MedicationRequest = """
        {
          "resourceType": "MedicationRequest",
          "id": "rx-1",
          "status": "active",
          "intent": "order",
          "medicationReference": { "reference": "Medication/metformin-500" },
          "subject": { "reference": "Patient/john-allen" },
          "authoredOn": "2024-01-10",
          "requester": { "reference": "Practitioner/dr-smith" }
        }
        """;

    public const string Practitioner = """
        {
          "resourceType": "Practitioner",
          "id": "dr-smith",
          "identifier": [{ "system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893" }],
          "active": true,
          "name": [{ "family": "Smith", "given": ["Zoë"], "prefix": ["Dr."] }],
          "address": [{ "city": "Boston", "state": "MA", "postalCode": "02114" }]
        }
        """;

    /// <summary>Every fixture, for tests that run over all of them.</summary>
    public static TheoryData<string> All => new(
        Patient, ExplanationOfBenefit, Coverage, WeightObservation, BloodPressureObservation, Condition, Encounter,
        MedicationRequest, Practitioner);

    public static JsonElement Parse(string json) => JsonElement.Parse(json);

    /// <summary>The fixture with one property (by dotted path, objects only) replaced or added.</summary>
    public static JsonElement With(string json, string path, string valueJson)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var parts = path.Split('.');
        var target = root;
        foreach (var part in parts[..^1])
        {
            target = target[part]!.AsObject();
        }

        target[parts[^1]] = System.Text.Json.Nodes.JsonNode.Parse(valueJson);
        return JsonElement.Parse(root.ToJsonString());
    }

    /// <summary>The fixture with one top-level property removed.</summary>
    public static JsonElement Without(string json, string property)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        root.Remove(property);
        return JsonElement.Parse(root.ToJsonString());
    }
}
