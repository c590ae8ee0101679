using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

internal static class ConditionWriter
{
    private const string UsCoreCondition = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition";

    /// <summary>A long-standing problem-list entry, active, with an onset that may predate the history window.</summary>
    public static string Problem(MemberContext context, CodedConcept diagnosis, DateOnly onset, Clinician recorder, SensitivityCategory? label) =>
        Write(context, diagnosis, "problem-list-item", "Problem List Item", onset, null, recorder, label);

    /// <summary>A visit diagnosis that has since resolved.</summary>
    public static string Resolved(MemberContext context, CodedConcept diagnosis, DateOnly onset, Clinician recorder, SensitivityCategory? label) =>
        Write(context, diagnosis, "encounter-diagnosis", "Encounter Diagnosis", onset, context.Later(onset, 7, 30), recorder, label);

    private static string Write(
        MemberContext context, CodedConcept diagnosis, string category, string categoryDisplay, DateOnly onset,
        DateOnly? abatement, Clinician recorder, SensitivityCategory? label)
    {
        var active = abatement is null;
        var condition = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = context.NextId("cond"),
            ["meta"] = context.Meta(UsCoreCondition, label),
            ["clinicalStatus"] = Fhir.Concept(CodeSystems.ConditionClinical, active ? "active" : "resolved", active ? "Active" : "Resolved"),
            ["verificationStatus"] = Fhir.Concept(CodeSystems.ConditionVerification, "confirmed", "Confirmed"),
            ["category"] = Fhir.Array(Fhir.Concept(CodeSystems.ConditionCategory, category, categoryDisplay)),
            ["code"] = Fhir.Concept(diagnosis),
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["onsetDateTime"] = Fhir.Date(onset),
        };
        if (abatement is not null)
        {
            condition["abatementDateTime"] = Fhir.Date(abatement.Value);
        }

        condition["recordedDate"] = Fhir.Date(onset);
        condition["recorder"] = Fhir.Reference(recorder.Reference, recorder.DisplayName);
        return context.Add(condition);
    }
}
