using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Tests.Fixtures;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class ExplanationOfBenefitTests
{
    private static IEnumerable<JsonObject> Claims => GeneratedData.Resources.Where(r => r.ResourceType == "ExplanationOfBenefit").Select(r => r.Json);

    [Fact]
    public void Generate_EveryItem_HasConsistentAdjudication()
    {
        Assert.All(Claims.SelectMany(c => c["item"]!.AsArray()), item =>
        {
            var amounts = Amounts(item!["adjudication"]!.AsArray());
            Assert.True(amounts["paidtoprovider"] + amounts["memberliability"] <= amounts["eligible"]);
            Assert.True(amounts["eligible"] <= amounts["submitted"]);
            Assert.True(amounts["eligible"] > 0);
            Assert.True(amounts["paidtoprovider"] >= 0);
            Assert.Equal(
                amounts.GetValueOrDefault("deductible") + amounts.GetValueOrDefault("copay") + amounts.GetValueOrDefault("coinsurance"),
                amounts["memberliability"]);
            Assert.Equal(amounts["eligible"], amounts["paidtoprovider"] + amounts["memberliability"]);
            Assert.Equal(amounts["submitted"] - amounts["eligible"], amounts["discount"]);
        });
    }

    [Fact]
    public void Generate_Totals_AreTheSumOfTheItemsAndPaymentIsThePaidTotal()
    {
        Assert.All(Claims, claim =>
        {
            var totals = Amounts(claim["total"]!.AsArray());
            var items = claim["item"]!.AsArray().Select(i => Amounts(i!["adjudication"]!.AsArray())).ToArray();
            foreach (var (category, total) in totals)
            {
                Assert.Equal(items.Sum(i => i.GetValueOrDefault(category)), total);
            }

            Assert.Equal(totals["paidtoprovider"], (decimal)claim["payment"]!["amount"]!["value"]!);
        });
    }

    [Fact]
    public void Generate_Claims_CarryTheCarinShape()
    {
        var profiles = new Dictionary<string, string>
        {
            ["institutional"] = "Institutional",
            ["professional"] = "Professional-NonClinician",
            ["pharmacy"] = "Pharmacy",
        };
        Assert.All(Claims, claim =>
        {
            var type = (string)claim["type"]!["coding"]![0]!["code"]!;
            var profile = (string)claim["meta"]!["profile"]![0]!;
            Assert.Contains(profiles[type], profile, StringComparison.Ordinal);
            Assert.Equal("http://terminology.hl7.org/CodeSystem/claim-type", (string?)claim["type"]!["coding"]![0]!["system"]);
            Assert.Equal("claim", (string?)claim["use"]);
            Assert.Equal("complete", (string?)claim["outcome"]);
            Assert.Equal("Organization/org-payer", (string?)claim["insurer"]!["reference"]);
            Assert.StartsWith("Coverage/", (string?)claim["insurance"]![0]!["coverage"]!["reference"], StringComparison.Ordinal);
            Assert.NotEmpty(claim["careTeam"]!.AsArray());
            Assert.NotEmpty(claim["item"]!.AsArray());
            Assert.All(claim["item"]!.AsArray(), item =>
            {
                Assert.NotNull(item!["productOrService"]);
                Assert.NotNull(item["servicedDate"]);
            });
            if (type != "pharmacy")
            {
                Assert.All(claim["diagnosis"]!.AsArray(), d =>
                    Assert.Equal("http://hl7.org/fhir/sid/icd-10-cm", (string?)d!["diagnosisCodeableConcept"]!["coding"]![0]!["system"]));
            }
            else
            {
                Assert.Equal("http://hl7.org/fhir/sid/ndc", (string?)claim["item"]![0]!["productOrService"]!["coding"]![0]!["system"]);
            }

            if (profile.EndsWith("Inpatient-Institutional", StringComparison.Ordinal))
            {
                Assert.NotEmpty(claim["procedure"]!.AsArray());
            }
        });
    }

    [Fact]
    public void Generate_ClaimDates_LieBeforeTheReferenceDate()
    {
        var reference = SyntheticDataOptions.DefaultReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.All(Claims, claim =>
        {
            Assert.True(string.CompareOrdinal((string)claim["billablePeriod"]!["end"]!, reference) < 0);
            Assert.True(string.CompareOrdinal((string)claim["created"]!, reference + "T23:59:59Z") <= 0);
        });
    }

    private static Dictionary<string, decimal> Amounts(JsonArray adjudication) => adjudication.ToDictionary(
        a => (string)a!["category"]!["coding"]![0]!["code"]!,
        a => (decimal)a!["amount"]!["value"]!);
}
