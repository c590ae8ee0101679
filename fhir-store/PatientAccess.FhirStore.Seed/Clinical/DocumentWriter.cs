using System.Text;
using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>Clinical notes as DocumentReferences with the note inline (small text/plain attachments, base64).</summary>
internal static class DocumentWriter
{
    private const string UsCoreDocumentReference = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference";

    public static readonly CodedConcept ProgressNote = new(CodeSystems.Loinc, "11506-3", "Progress note");
    public static readonly CodedConcept DischargeSummary = new(CodeSystems.Loinc, "18842-5", "Discharge summary");
    public static readonly CodedConcept ConsultNote = new(CodeSystems.Loinc, "11488-4", "Consult note");

    public static string Write(MemberContext context, Visit visit, CodedConcept type, string assessment)
    {
        var member = context.Member;
        var note = new StringBuilder()
            .Append(type.Display).Append('\n')
            .Append("Patient: ").Append(member.DisplayName).Append(" (").Append(member.MemberId).Append(")\n")
            .Append("Date: ").Append(Fhir.Date(visit.Date)).Append('\n')
            .Append("Clinician: ").Append(visit.Clinician.DisplayName).Append(", ").Append(visit.Site.Name).Append('\n')
            .Append("Assessment: ").Append(assessment).Append('\n')
            .Append("Plan: continue current management; follow up as scheduled.\n")
            .ToString();
        return context.Add(new JsonObject
        {
            ["resourceType"] = "DocumentReference",
            ["id"] = context.NextId("doc"),
            ["meta"] = context.Meta(UsCoreDocumentReference, visit.Label),
            ["status"] = "current",
            ["docStatus"] = "final",
            ["type"] = Fhir.Concept(type),
            ["category"] = Fhir.Array(Fhir.Concept(CodeSystems.UsCoreDocumentCategory, "clinical-note", "Clinical Note")),
            ["subject"] = Fhir.Reference(member.PatientReference),
            ["date"] = Fhir.DateTime(visit.End),
            ["author"] = Fhir.Array(Fhir.Reference(visit.Clinician.Reference, visit.Clinician.DisplayName)),
            ["custodian"] = Fhir.Reference(visit.Site.OrganizationReference, visit.Site.Name),
            ["content"] = Fhir.Array(new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["contentType"] = "text/plain; charset=utf-8",
                    ["language"] = "en-US",
                    ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(note)),
                    ["title"] = type.Display,
                    ["creation"] = Fhir.DateTime(visit.End),
                },
            }),
            ["context"] = new JsonObject
            {
                ["encounter"] = Fhir.Array(Fhir.Reference(visit.Reference)),
                ["period"] = Fhir.Period(visit.Start, visit.End),
            },
        });
    }
}
