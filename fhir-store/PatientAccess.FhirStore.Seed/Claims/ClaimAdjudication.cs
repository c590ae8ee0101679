using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>
/// Writes adjudication amounts with the categories CARIN Blue Button reads: submitted and eligible
/// (allowed) from the base adjudication system, cost-share and payment from C4BBAdjudication.
/// </summary>
public static class ClaimAdjudication
{
    public const string Submitted = "submitted";
    public const string Allowed = "eligible";
    public const string Deductible = "deductible";
    public const string Copay = "copay";
    public const string Coinsurance = "coinsurance";
    public const string MemberLiability = "memberliability";
    public const string PaidToProvider = "paidtoprovider";
    public const string Discount = "discount";

    /// <summary>
    /// A line's adjudication: submitted, allowed, member liability and paid always; the parts of the
    /// member's share only where they are not zero, as payers report them.
    /// </summary>
    internal static JsonArray Line(LineAmounts amounts)
    {
        var entries = new JsonArray
        {
            Entry(CodeSystems.Adjudication, Submitted, "Submitted Amount", amounts.Submitted),
            Entry(CodeSystems.Adjudication, Allowed, "Eligible Amount", amounts.Allowed),
        };
        if (amounts.Deductible != 0m)
        {
            entries.Add(Entry(CodeSystems.Adjudication, Deductible, "Deductible", amounts.Deductible));
        }

        if (amounts.Copay != 0m)
        {
            entries.Add(Entry(CodeSystems.Adjudication, Copay, "CoPay", amounts.Copay));
        }

        if (amounts.Coinsurance != 0m)
        {
            entries.Add(Entry(CodeSystems.C4BBAdjudication, Coinsurance, "Coinsurance", amounts.Coinsurance));
        }

        entries.Add(Entry(CodeSystems.C4BBAdjudication, MemberLiability, "Member liability", amounts.MemberLiability));
        entries.Add(Entry(CodeSystems.C4BBAdjudication, PaidToProvider, "Paid to provider", amounts.Paid));
        entries.Add(Entry(CodeSystems.C4BBAdjudication, Discount, "Discount", amounts.Discount));
        return entries;
    }

    /// <summary>Claim totals carry every category, zero or not, so a reader never has to infer a missing one.</summary>
    internal static JsonArray Totals(IReadOnlyList<LineAmounts> lines) =>
        [
            Entry(CodeSystems.Adjudication, Submitted, "Submitted Amount", lines.Sum(l => l.Submitted)),
            Entry(CodeSystems.Adjudication, Allowed, "Eligible Amount", lines.Sum(l => l.Allowed)),
            Entry(CodeSystems.Adjudication, Deductible, "Deductible", lines.Sum(l => l.Deductible)),
            Entry(CodeSystems.Adjudication, Copay, "CoPay", lines.Sum(l => l.Copay)),
            Entry(CodeSystems.C4BBAdjudication, Coinsurance, "Coinsurance", lines.Sum(l => l.Coinsurance)),
            Entry(CodeSystems.C4BBAdjudication, MemberLiability, "Member liability", lines.Sum(l => l.MemberLiability)),
            Entry(CodeSystems.C4BBAdjudication, PaidToProvider, "Paid to provider", lines.Sum(l => l.Paid)),
            Entry(CodeSystems.C4BBAdjudication, Discount, "Discount", lines.Sum(l => l.Discount)),
        ];

    private static JsonObject Entry(string system, string code, string display, decimal value) => new()
    {
        ["category"] = Fhir.Concept(system, code, display),
        ["amount"] = Fhir.Money(value),
    };
}
