using System.Globalization;
using PatientAccess.FhirStore.Seed.Randomness;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>Creates member identities: the fixed demo member and family, and random members by index.</summary>
internal static class MemberFactory
{
    // Coprime with 10^11, so index -> index * k mod 10^11 never repeats: member IDs are unique
    // without a lookup table, and the leading 3 keeps them apart from the demo (1...) and family (9...) IDs.
    private const long MemberIdMultiplier = 76_543_219_871L;
    private const long MemberIdModulus = 100_000_000_000L;

    public static MemberProfile Random(int index, SeededRandom random, DateOnly referenceDate)
    {
        var key = index.ToString("D6", CultureInfo.InvariantCulture);
        var female = random.Chance(0.51);
        var age = DrawAge(random);
        var birthDate = referenceDate.AddYears(-age - 1).AddDays(random.Between(1, 364));
        var given = new List<string> { random.Pick(female ? Names.FemaleGiven : Names.MaleGiven) };
        if (random.Chance(0.25))
        {
            var middle = random.Pick(female ? Names.FemaleGiven : Names.MaleGiven);
            if (middle != given[0])
            {
                given.Add(middle);
            }
        }

        var (family, heritage) = random.Pick(Names.Family);
        var place = random.Chance(0.85) ? random.Pick(Places.Network) : random.Pick(Places.All);
        var street = random.Between(1, 999).ToString(CultureInfo.InvariantCulture) + " " + random.Pick(Names.Streets);
        if (random.Chance(0.2))
        {
            street += " Apt " + random.Between(1, 40).ToString(CultureInfo.InvariantCulture);
        }

        var memberId = "3" + (index * MemberIdMultiplier % MemberIdModulus).ToString("D11", CultureInfo.InvariantCulture);
        var coverageYears = random.Between(0, 9);
        var coverageStart = new DateOnly(referenceDate.Year - coverageYears - 1, random.Between(1, 12), 1);
        if (coverageStart < birthDate)
        {
            coverageStart = birthDate;
        }

        var patientId = "pat-" + key;
        return new MemberProfile
        {
            Key = key,
            PatientId = patientId,
            CoverageId = "cov-" + key,
            MemberId = memberId,
            Family = family,
            Given = given,
            Gender = female ? "female" : "male",
            BirthDate = birthDate,
            AddressLine = street,
            Place = place,
            Phone = string.Create(CultureInfo.InvariantCulture, $"{place.AreaCode}-555-01{random.Next(100):D2}"),
            Email = EmailAddress.For(given[0], family, key),
            Heritage = heritage,
            SpeaksSpanish = heritage == Heritage.Hispanic && random.Chance(0.5),
            Plan = age >= 65 ? HealthPlans.MedicareAdvantage : random.Pick(HealthPlans.UnderSixtyFive),
            Relationship = "self",
            SubscriberPatientId = patientId,
            SubscriberMemberId = memberId,
            CoverageStart = coverageStart,
        };
    }

    public static MemberProfile Demo() => new()
    {
        Key = DemoMember.PatientId,
        PatientId = DemoMember.PatientId,
        CoverageId = DemoMember.CoverageId,
        MemberId = DemoMember.MemberId,
        Family = DemoMember.FamilyName,
        Given = [DemoMember.GivenName],
        Gender = DemoMember.Gender,
        BirthDate = DemoMember.BirthDateValue,
        AddressLine = DemoMember.AddressLine,
        Place = Places.BostonWestEnd,
        Phone = DemoMember.Phone,
        Email = DemoMember.Email,
        Heritage = Heritage.Other,
        SpeaksSpanish = false,
        Plan = HealthPlans.MedicareAdvantage,
        Relationship = "self",
        SubscriberPatientId = DemoMember.PatientId,
        SubscriberMemberId = DemoMember.MemberId,
        CoverageStart = new DateOnly(2015, 10, 1),
        Script = new ClinicalScript(
            [ChronicConditions.Hypertension, ChronicConditions.Hyperlipidemia, ChronicConditions.Diabetes, ChronicConditions.KneeArthritis],
            [
                SensitiveEpisodes.AlcoholUse, SensitiveEpisodes.Depression, SensitiveEpisodes.Anxiety, SensitiveEpisodes.Hiv,
                SensitiveEpisodes.StdScreening, SensitiveEpisodes.ErectileDysfunction, SensitiveEpisodes.ProstateCancerGenetics,
                SensitiveEpisodes.DomesticViolence,
            ],
            [FacilityEpisodes.KneeReplacement, FacilityEpisodes.ChestPain, FacilityEpisodes.Colonoscopy]),
    };

    public static MemberProfile Family(FamilyMember member)
    {
        var coverageStart = new DateOnly(2019, 1, 1);
        return new MemberProfile
        {
            Key = member.PatientId,
            PatientId = member.PatientId,
            CoverageId = member.CoverageId,
            MemberId = member.MemberId,
            Family = FamilyAccount.FamilyName,
            Given = [member.GivenName],
            Gender = member.Gender,
            BirthDate = member.BirthDate,
            AddressLine = FamilyAccount.AddressLine,
            Place = Places.Lawrence,
            Phone = FamilyAccount.Phone,
            Email = EmailAddress.For(member.GivenName, FamilyAccount.FamilyName, null),
            Heritage = Heritage.Hispanic,
            SpeaksSpanish = true,
            Plan = FamilyAccount.Plan,
            Relationship = member.Relationship,
            SubscriberPatientId = FamilyAccount.Subscriber.PatientId,
            SubscriberMemberId = FamilyAccount.Subscriber.MemberId,
            CoverageStart = member.BirthDate > coverageStart ? member.BirthDate : coverageStart,
        };
    }

    /// <summary>Roughly a commercial-plus-Medicare book of business: a fifth children, a fifth 65 and over.</summary>
    private static int DrawAge(SeededRandom random)
    {
        var band = random.NextDouble();
        return band switch
        {
            < 0.22 => random.Between(0, 17),
            < 0.55 => random.Between(18, 44),
            < 0.80 => random.Between(45, 64),
            _ => random.Between(65, 92),
        };
    }
}
