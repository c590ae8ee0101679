using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>The CARIN supportingInfo slices each claim type carries (received date, network status, admission, DRG, days supply).</summary>
internal static class ClaimSupportingInfo
{
    public static JsonArray Create(ClaimDraft draft, DateOnly received)
    {
        var list = new JsonArray();
        Add(list, "clmrecvddate", "Claim Received Date", info => info["timingDate"] = Fhir.Date(received));
        if (draft.Kind == ClaimKind.Pharmacy)
        {
            Add(list, "dayssupply", "Days Supply", info => info["valueQuantity"] = new JsonObject { ["value"] = draft.Drug!.DaysSupply });
            Add(list, "refillnum", "Refill Number", info => info["valueQuantity"] = new JsonObject { ["value"] = draft.FillNumber });
            Add(list, "dawcode", "Dispense As Written Product Selection Code", info => info["code"] = Fhir.Concept(
                "http://terminology.hl7.org/CodeSystem/NCPDPDispensedAsWrittenOrProductSelectionCode", "0", "No Product Selection Indicated"));
            return list;
        }

        Add(list, "billingnetworkcontractingstatus", "Billing Network Contracting Status", info => info["code"] = Fhir.Concept(
            CodeSystems.C4BBPayerAdjudicationStatus, "contracted", "Contracted"));
        switch (draft.Kind)
        {
            case ClaimKind.InpatientInstitutional:
                Add(list, "admissionperiod", "Admission Period", info => info["timingPeriod"] = Fhir.Period(draft.Start, draft.End));
                Add(list, "typeofbill", "Type of Bill", info => info["code"] = Fhir.Concept(CodeSystems.TypeOfBill, "0111", "Hospital inpatient, admit through discharge claim"));
                Add(list, "discharge-status", "Discharge Status", info => info["code"] = Fhir.Concept(CodeSystems.DischargeStatus, "01", "Discharged to home or self care (routine discharge)"));
                if (draft.Drg is not null)
                {
                    Add(list, "drg", "DRG", info => info["code"] = Fhir.Concept(draft.Drg));
                }

                break;
            case ClaimKind.OutpatientInstitutional:
                Add(list, "typeofbill", "Type of Bill", info => info["code"] = Fhir.Concept(CodeSystems.TypeOfBill, "0131", "Hospital outpatient, admit through discharge claim"));
                break;
        }

        return list;
    }

    private static void Add(JsonArray list, string code, string display, Action<JsonObject> value)
    {
        var info = new JsonObject
        {
            ["sequence"] = list.Count + 1,
            ["category"] = Fhir.Concept(CodeSystems.C4BBSupportingInfoType, code, display),
        };
        value(info);
        list.Add(info);
    }
}
