using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Unit.Database;

/// <summary>
/// Hand-made data sections that break the format: MaxMind.Db finds them when the record is
/// decoded, and <see cref="CountryDatabase"/> decodes every record once at load, so the file is
/// refused then, naming it, instead of failing a request later.
/// </summary>
public class CorruptDataTests
{
    public static TheoryData<string, byte[]> Forbidden => new()
    {
        { "data cache container", [0x00, 0x05] },
        { "end marker", [0x00, 0x06] },
        { "extended type 0", [0x00, 0x00] },
        { "extended type 16", [0x00, 0x09] },
        { "boolean of size 2", [0x02, 0x07] },
        { "double of 7 bytes", [0x67, 1, 2, 3, 4, 5, 6, 7] },
        { "float of 3 bytes", [0x03, 0x08, 1, 2, 3] },
        { "map key that is a number", [0xE1, .. MmdbBytes.UInt16(1), .. MmdbBytes.String("v")] },
        { "string longer than the data", [0x5C, (byte)'a'] },
        { "array longer than the data", [.. MmdbBytes.Array(1000), 0x41, (byte)'a'] },
        { "pointer outside the data", [0x27, 0xFF] },
        { "pointer to itself inside a map", [0xE1, .. MmdbBytes.String("k"), .. MmdbBytes.Pointer(0, 1)] },
        { "truncated control bytes", [0x1F] },
        { "country_code that is a number", [.. MmdbBytes.Map(1), .. MmdbBytes.String("country_code"), .. MmdbBytes.UInt16(840)] },
        { "country that is a string", [.. MmdbBytes.Map(1), .. MmdbBytes.String("country"), .. MmdbBytes.String("US")] },
        { "a record that is a string", MmdbBytes.String("US") },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void FromBytes_ForbiddenData_RefusedAtLoadNamingTheSource(string what, byte[] data)
    {
        var error = Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(data), what));

        Assert.StartsWith(what + ": The record for ", error.Message, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }

    [Fact]
    public void FromBytes_PointerFanOut_RefusedByTheLibrarysBudget()
    {
        // Each level is an array of two pointers to the level below: 2^40 leaves if expanded.
        var data = new List<byte> { 0xA0 };
        var previous = 0;
        for (var level = 0; level < 40; level++)
        {
            var offset = data.Count;
            data.AddRange([.. MmdbBytes.Array(2), .. MmdbBytes.Pointer(previous, 1), .. MmdbBytes.Pointer(previous, 1)]);
            previous = offset;
        }

        var error = Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.FromBytes(MmdbBytes.SingleRecordDatabase([.. data], previous)));

        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }
}
