using PatientAccess.FhirStore.Seed.Clinical;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Randomness;

namespace PatientAccess.FhirStore.Seed;

/// <summary>
/// Generates a deterministic, streaming set of FHIR R4 resources for a health plan: the payer,
/// its provider network and shared Medications first, then the demo member, the demo family and
/// <see cref="SyntheticDataOptions.Members"/> random members, each member's resources together.
/// Only one member's record is held in memory at a time.
/// </summary>
public sealed class SyntheticDataGenerator
{
    // Stream numbers for SeededRandom.For: each kind of content draws from its own sequence.
    private const ulong MemberStream = 1;
    private const ulong FixedMemberStream = 3;

    private readonly SyntheticDataOptions options;

    public SyntheticDataGenerator(SyntheticDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    public SyntheticDataOptions Options => options;

    /// <summary>Convenience for <c>new SyntheticDataGenerator(options).Generate()</c>.</summary>
    public static IEnumerable<GeneratedResource> Generate(int members, long seed) =>
        new SyntheticDataGenerator(new SyntheticDataOptions { Members = members, Seed = seed }).Generate();

    /// <summary>The resources, lazily; each enumeration starts over and yields the same sequence.</summary>
    public IEnumerable<GeneratedResource> Generate()
    {
        var lastUpdated = Fhir.DateTime(options.ReferenceDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var directory = ProviderDirectory.Create(options.Seed);
        foreach (var resource in ProviderResources.Create(directory, lastUpdated))
        {
            yield return resource;
        }

        foreach (var resource in MedicationCatalog.Create(lastUpdated))
        {
            yield return resource;
        }

        var fixedMembers = new List<MemberProfile> { MemberFactory.Demo() };
        fixedMembers.AddRange(FamilyAccount.Members.Select(MemberFactory.Family));
        for (var i = 0; i < fixedMembers.Count; i++)
        {
            var random = SeededRandom.For(options.Seed, FixedMemberStream, i);
            foreach (var resource in Record(fixedMembers[i], random, directory, lastUpdated))
            {
                yield return resource;
            }
        }

        for (var index = 1; index <= options.Members; index++)
        {
            var random = SeededRandom.For(options.Seed, MemberStream, index);
            var member = MemberFactory.Random(index, random, options.ReferenceDate);
            foreach (var resource in Record(member, random, directory, lastUpdated))
            {
                yield return resource;
            }
        }
    }

    private IReadOnlyList<GeneratedResource> Record(MemberProfile member, SeededRandom random, ProviderDirectory directory, string lastUpdated) =>
        MemberRecord.Write(new MemberContext(member, random, directory, options.ReferenceDate, lastUpdated));
}
