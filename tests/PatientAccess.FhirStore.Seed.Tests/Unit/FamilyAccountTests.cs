using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Tests.Fixtures;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class FamilyAccountTests
{
    [Fact]
    public void Generate_FamilyAccount_WritesFourPatientsWithOwnMemberIds()
    {
        var patients = FamilyAccount.Members.Select(m => GeneratedData.Get("Patient", m.PatientId).Json).ToArray();

        Assert.Equal(
            ["family-rivera-subscriber", "family-rivera-spouse", "family-rivera-child1", "family-rivera-child2"],
            FamilyAccount.Members.Select(m => m.PatientId));
        Assert.All(patients, p => Assert.Equal("Rivera", (string?)p["name"]![0]!["family"]));
        Assert.Equal(4, patients.Select(p => (string)p["identifier"]![0]!["value"]!).Distinct().Count());
        Assert.All(patients, p => Assert.Equal(FamilyAccount.PostalCode, (string?)p["address"]![0]!["postalCode"]));
    }

    [Fact]
    public void Generate_FamilyAccount_PatientFieldsMatchTheConstants()
    {
        foreach (var member in FamilyAccount.Members)
        {
            var patient = GeneratedData.Get("Patient", member.PatientId).Json;

            Assert.Equal(member.GivenName, (string?)patient["name"]![0]!["given"]![0]);
            Assert.Equal(member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)patient["birthDate"]);
            Assert.Equal(member.Gender, (string?)patient["gender"]);
            Assert.Equal(member.MemberId, (string?)patient["identifier"]![0]!["value"]);
        }
    }

    [Fact]
    public void Generate_FamilyCoverages_NameTheSubscriberAndRelationshipOnOneGroup()
    {
        foreach (var member in FamilyAccount.Members)
        {
            var coverage = GeneratedData.Get("Coverage", member.CoverageId).Json;

            Assert.Equal("Patient/" + member.PatientId, (string?)coverage["beneficiary"]!["reference"]);
            Assert.Equal("Patient/family-rivera-subscriber", (string?)coverage["subscriber"]!["reference"]);
            Assert.Equal(FamilyAccount.Subscriber.MemberId, (string?)coverage["subscriberId"]);
            Assert.Equal(member.Relationship, (string?)coverage["relationship"]!["coding"]![0]!["code"]);
            Assert.Equal(FamilyAccount.Plan.GroupId, (string?)coverage["class"]![0]!["value"]);
            Assert.Equal(FamilyAccount.Plan.PlanId, (string?)coverage["class"]![1]!["value"]);
        }

        Assert.Equal(["self", "spouse", "child", "child"], FamilyAccount.Members.Select(m => m.Relationship));
    }

    [Fact]
    public void FamilyAccount_Children_AreUnderEighteenOnTheDefaultReferenceDate()
    {
        var reference = SyntheticDataOptions.DefaultReferenceDate;

        foreach (var child in new[] { FamilyAccount.Child1, FamilyAccount.Child2 })
        {
            Assert.True(child.BirthDate.AddYears(18) > reference, $"{child.PatientId} is 18 or older");
        }

        Assert.True(FamilyAccount.Subscriber.BirthDate.AddYears(18) <= reference);
        Assert.True(FamilyAccount.Spouse.BirthDate.AddYears(18) <= reference);
    }
}
