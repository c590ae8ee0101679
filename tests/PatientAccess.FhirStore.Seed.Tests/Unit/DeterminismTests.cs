using System.Security.Cryptography;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class DeterminismTests
{
    [Fact]
    public void Generate_SameMembersAndSeed_ProducesIdenticalBytes()
    {
        var first = Hash(SyntheticDataGenerator.Generate(40, 7));
        var second = Hash(SyntheticDataGenerator.Generate(40, 7));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_EnumeratedTwice_ProducesIdenticalBytes()
    {
        var resources = SyntheticDataGenerator.Generate(10, 3);

        Assert.Equal(Hash(resources), Hash(resources));
    }

    [Fact]
    public void Generate_DifferentSeed_ProducesDifferentBytes()
    {
        Assert.NotEqual(Hash(SyntheticDataGenerator.Generate(40, 7)), Hash(SyntheticDataGenerator.Generate(40, 8)));
    }

    [Fact]
    public void Generate_DifferentReferenceDate_ShiftsTheData()
    {
        var later = new SyntheticDataGenerator(new SyntheticDataOptions { Members = 5, Seed = 7, ReferenceDate = new DateOnly(2027, 6, 1) });

        Assert.NotEqual(Hash(SyntheticDataGenerator.Generate(5, 7)), Hash(later.Generate()));
    }

    [Fact]
    public void Generate_MoreMembers_KeepsEarlierMembersUnchanged()
    {
        var few = SyntheticDataGenerator.Generate(10, 11).Select(Line).ToArray();
        var more = SyntheticDataGenerator.Generate(25, 11).Select(Line).ToArray();

        Assert.Equal(few, more.Take(few.Length));
    }

    [Fact]
    public void ToUtf8Bytes_AccentedNames_WritesLettersUnescaped()
    {
        var json = System.Text.Encoding.UTF8.GetString(
            SyntheticDataGenerator.Generate(0, 1).Single(r => r.Id == "family-rivera-subscriber").ToUtf8Bytes());

        Assert.Contains("\"José\"", json, StringComparison.Ordinal);
    }

    private static string Line(GeneratedResource resource) => System.Text.Encoding.UTF8.GetString(resource.ToUtf8Bytes());

    private static string Hash(IEnumerable<GeneratedResource> resources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var resource in resources)
        {
            hash.AppendData(resource.ToUtf8Bytes());
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
