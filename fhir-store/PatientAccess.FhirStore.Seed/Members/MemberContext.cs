using System.Globalization;
using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Randomness;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>Everything the builders share while writing one member's record, and the resources written so far.</summary>
internal sealed class MemberContext
{
    /// <summary>How far back claims and clinical history go.</summary>
    public const int HistoryYears = 3;

    private static readonly int[] Quarters = [0, 15, 30, 45];

    private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);

    public MemberContext(MemberProfile member, SeededRandom random, ProviderDirectory providers, DateOnly referenceDate, string lastUpdated)
    {
        Member = member;
        Random = random;
        Providers = providers;
        ReferenceDate = referenceDate;
        LastUpdated = lastUpdated;
        var start = referenceDate.AddYears(-HistoryYears);
        HistoryStart = member.BirthDate > start ? member.BirthDate : start;
        if (member.CoverageStart > HistoryStart)
        {
            HistoryStart = member.CoverageStart;
        }

        LastServiceDate = referenceDate.AddDays(-1);
        if (HistoryStart > LastServiceDate)
        {
            HistoryStart = LastServiceDate;
        }

        Age = member.AgeOn(referenceDate);
        var primarySpecialty = Age < 18 ? Specialties.Pediatrics : random.Chance(0.6) ? Specialties.FamilyMedicine : Specialties.InternalMedicine;
        PrimaryCare = providers.Pick(primarySpecialty, random);
        Pharmacy = random.Pick(providers.Pharmacies);
        Hospital = random.Pick(providers.Hospitals);
    }

    public MemberProfile Member { get; }

    public SeededRandom Random { get; }

    public ProviderDirectory Providers { get; }

    public DateOnly ReferenceDate { get; }

    public string LastUpdated { get; }

    public DateOnly HistoryStart { get; }

    public DateOnly LastServiceDate { get; }

    public int Age { get; }

    public Clinician PrimaryCare { get; }

    public ProviderSite Pharmacy { get; }

    public ProviderSite Hospital { get; }

    public List<GeneratedResource> Resources { get; } = [];

    /// <summary>Care team members seen for non-sensitive care, for the member's CareTeam.</summary>
    public List<Clinician> Specialists { get; } = [];

    public bool IsAdult => Age >= 18;

    /// <summary>The next id for a resource kind of this member: <c>eob-000123-004</c>.</summary>
    public string NextId(string prefix)
    {
        counters.TryGetValue(prefix, out var count);
        counters[prefix] = ++count;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Member.Key}-{count:D3}");
    }

    /// <summary>Records a resource and returns the reference other resources use for it.</summary>
    public string Add(JsonObject json)
    {
        var type = (string)json["resourceType"]!;
        var id = (string)json["id"]!;
        Resources.Add(new GeneratedResource(type, id, json));
        return type + "/" + id;
    }

    public JsonObject Meta(string profile, SensitivityCategory? label = null) => ResourceMeta.Create(LastUpdated, profile, label);

    public DateOnly ServiceDate() => Random.DateBetween(HistoryStart, LastServiceDate);

    public DateOnly ServiceDateAfter(DateOnly first) => Random.DateBetween(first > LastServiceDate ? LastServiceDate : first, LastServiceDate);

    /// <summary>A date some days after <paramref name="date"/>, but never on or after the reference date.</summary>
    public DateOnly Later(DateOnly date, int minDays, int maxDays)
    {
        var later = date.AddDays(Random.Between(minDays, maxDays));
        return later > LastServiceDate ? LastServiceDate : later;
    }

    public DateTime OfficeHours(DateOnly date) => Fhir.At(date, Random.Between(13, 21), Random.Pick(Quarters));
}
