using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>Adjudicates a <see cref="ClaimDraft"/> and writes it as a CARIN Blue Button shaped ExplanationOfBenefit.</summary>
internal static class ExplanationOfBenefitWriter
{
    public static string Write(MemberContext context, ClaimDraft draft)
    {
        var random = context.Random;
        var allowedRatio = draft.Kind == ClaimKind.Pharmacy ? random.Decimal(0.78m, 0.95m, 3) : random.Decimal(0.42m, 0.82m, 3);
        var amounts = ClaimPricing.Adjudicate(draft.Lines, draft.CostShare, allowedRatio);
        var id = context.NextId("eob");
        var created = context.Later(draft.End, 2, 20);
        var paid = context.Later(created, 3, 14);

        var eob = new JsonObject
        {
            ["resourceType"] = "ExplanationOfBenefit",
            ["id"] = id,
            ["meta"] = context.Meta(Profile(draft.Kind), draft.Label),
            ["identifier"] = Fhir.Array(new JsonObject
            {
                ["type"] = Fhir.Concept(CodeSystems.C4BBIdentifierType, "uc", "Unique Claim ID"),
                ["system"] = CodeSystems.ClaimNumber,
                ["value"] = "CLM-" + id,
            }),
            ["status"] = "active",
            ["type"] = Fhir.Concept(CodeSystems.ClaimType, TypeCode(draft.Kind), TypeDisplay(draft.Kind)),
        };
        if (draft.Kind is ClaimKind.InpatientInstitutional or ClaimKind.OutpatientInstitutional)
        {
            var inpatient = draft.Kind == ClaimKind.InpatientInstitutional;
            eob["subType"] = Fhir.Concept(CodeSystems.C4BBInstitutionalSubType, inpatient ? "inpatient" : "outpatient", inpatient ? "Inpatient" : "Outpatient");
        }

        eob["use"] = "claim";
        eob["patient"] = Fhir.Reference(context.Member.PatientReference);
        eob["billablePeriod"] = Fhir.Period(draft.Start, draft.End);
        eob["created"] = Fhir.DateTime(Fhir.At(created, 12, 0));
        eob["insurer"] = Fhir.Reference(PayerOrganization.Reference, PayerOrganization.Name);
        eob["provider"] = Fhir.Reference(draft.BillingSite.OrganizationReference, draft.BillingSite.Name);
        eob["payee"] = new JsonObject
        {
            ["type"] = Fhir.Concept("http://terminology.hl7.org/CodeSystem/payeetype", "provider", "Provider"),
            ["party"] = Fhir.Reference(draft.BillingSite.OrganizationReference),
        };
        eob["outcome"] = "complete";
        eob["careTeam"] = Fhir.Array(new JsonObject
        {
            ["sequence"] = 1,
            ["provider"] = Fhir.Reference(draft.Clinician.Reference, draft.Clinician.DisplayName),
            ["responsible"] = true,
            ["role"] = Fhir.Concept(CodeSystems.C4BBCareTeamRole, CareTeamRole(draft.Kind), CareTeamRoleDisplay(draft.Kind)),
        });
        eob["supportingInfo"] = ClaimSupportingInfo.Create(draft, created);
        if (draft.Diagnoses.Count > 0)
        {
            eob["diagnosis"] = Diagnoses(draft);
        }

        if (draft.Procedures.Count > 0)
        {
            eob["procedure"] = Procedures(draft);
        }

        eob["insurance"] = Fhir.Array(new JsonObject
        {
            ["focal"] = true,
            ["coverage"] = Fhir.Reference(context.Member.CoverageReference),
        });
        eob["item"] = Items(draft, amounts);
        eob["total"] = ClaimAdjudication.Totals(amounts);
        eob["payment"] = new JsonObject
        {
            ["type"] = Fhir.Concept(CodeSystems.PaymentType, "complete", "Complete"),
            ["date"] = Fhir.Date(paid),
            ["amount"] = Fhir.Money(amounts.Sum(a => a.Paid)),
        };
        return context.Add(eob);
    }

    private static JsonArray Diagnoses(ClaimDraft draft)
    {
        var institutional = draft.Kind is ClaimKind.InpatientInstitutional or ClaimKind.OutpatientInstitutional;
        var system = institutional ? CodeSystems.C4BBDiagnosisType : CodeSystems.DiagnosisType;
        var list = new JsonArray();
        for (var i = 0; i < draft.Diagnoses.Count; i++)
        {
            var principal = i == 0;
            list.Add(new JsonObject
            {
                ["sequence"] = i + 1,
                ["diagnosisCodeableConcept"] = Fhir.Concept(draft.Diagnoses[i]),
                ["type"] = Fhir.Array(Fhir.Concept(system, principal ? "principal" : "secondary", principal ? "Principal" : "Secondary")),
            });
        }

        return list;
    }

    private static JsonArray Procedures(ClaimDraft draft)
    {
        var list = new JsonArray();
        for (var i = 0; i < draft.Procedures.Count; i++)
        {
            var principal = i == 0;
            list.Add(new JsonObject
            {
                ["sequence"] = i + 1,
                ["type"] = Fhir.Array(Fhir.Concept(CodeSystems.C4BBProcedureType, principal ? "principal" : "other", principal ? "Principal" : "Other")),
                ["date"] = Fhir.DateTime(Fhir.At(draft.Start, 14, 0)),
                ["procedureCodeableConcept"] = Fhir.Concept(draft.Procedures[i]),
            });
        }

        return list;
    }

    private static JsonArray Items(ClaimDraft draft, IReadOnlyList<LineAmounts> amounts)
    {
        var items = new JsonArray();
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var line = draft.Lines[i];
            var item = new JsonObject { ["sequence"] = i + 1 };
            if (draft.Kind == ClaimKind.Professional)
            {
                item["careTeamSequence"] = Fhir.Array(1);
                if (draft.Diagnoses.Count > 0)
                {
                    item["diagnosisSequence"] = Fhir.Array(1);
                }
            }

            if (line.Revenue is not null)
            {
                item["revenue"] = Fhir.Concept(line.Revenue);
            }

            // Institutional lines such as room and board have no CPT; CARIN still requires productOrService.
            item["productOrService"] = line.ProductOrService is null
                ? Fhir.Concept(CodeSystems.DataAbsentReason, "not-applicable", "Not Applicable")
                : Fhir.Concept(line.ProductOrService);
            item["servicedDate"] = Fhir.Date(line.Date);
            if (draft.Kind == ClaimKind.Professional)
            {
                item["locationCodeableConcept"] = Fhir.Concept(CodeSystems.PlaceOfService, draft.PlaceOfService, PlaceOfServiceDisplay(draft.PlaceOfService));
            }

            item["quantity"] = new JsonObject { ["value"] = line.Quantity };
            item["net"] = Fhir.Money(amounts[i].Submitted);
            item["adjudication"] = ClaimAdjudication.Line(amounts[i]);
            items.Add(item);
        }

        return items;
    }

    private static string Profile(ClaimKind kind) => kind switch
    {
        ClaimKind.InpatientInstitutional => CarinProfiles.InpatientInstitutional,
        ClaimKind.OutpatientInstitutional => CarinProfiles.OutpatientInstitutional,
        ClaimKind.Professional => CarinProfiles.Professional,
        _ => CarinProfiles.Pharmacy,
    };

    private static string TypeCode(ClaimKind kind) => kind switch
    {
        ClaimKind.Professional => "professional",
        ClaimKind.Pharmacy => "pharmacy",
        _ => "institutional",
    };

    private static string TypeDisplay(ClaimKind kind) => kind switch
    {
        ClaimKind.Professional => "Professional",
        ClaimKind.Pharmacy => "Pharmacy",
        _ => "Institutional",
    };

    private static string CareTeamRole(ClaimKind kind) => kind switch
    {
        ClaimKind.Professional => "performing",
        ClaimKind.Pharmacy => "prescribing",
        _ => "attending",
    };

    private static string CareTeamRoleDisplay(ClaimKind kind) => kind switch
    {
        ClaimKind.Professional => "Performing provider",
        ClaimKind.Pharmacy => "Prescribing provider",
        _ => "Attending",
    };

    private static string PlaceOfServiceDisplay(string code) => code switch
    {
        "21" => "Inpatient Hospital",
        "22" => "On Campus-Outpatient Hospital",
        "23" => "Emergency Room - Hospital",
        _ => "Office",
    };
}
