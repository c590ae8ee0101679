using System.Net;
using PatientAccess.Geo.Reader;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Unit.Decoding;

public class DataDecoderTests
{
    private static readonly MaxMindDatabase DecoderDatabase = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-test-decoder.mmdb"));

    [Fact]
    public void Decode_EveryTypeRecord_GivesExpectedValues()
    {
        var record = DecoderDatabase.Lookup(IPAddress.Parse("1.1.1.1")).Record;

        Assert.Equal([1u, 2u, 3u], record["array"].AsArray().Select(item => item.AsUInt32()));
        Assert.True(record["boolean"].AsBoolean());
        Assert.Equal([0x00, 0x00, 0x00, 0x2A], record["bytes"].AsBytes().ToArray());
        Assert.Equal(42.123456, record["double"].AsDouble());
        Assert.Equal(1.1f, record["float"].AsFloat());
        Assert.Equal(-268_435_456, record["int32"].AsInt32());
        Assert.Equal("hello", record["map"]["mapX"]["utf8_stringX"].AsString());
        Assert.Equal([7u, 8u, 9u], record["map"]["mapX"]["arrayX"].AsArray().Select(item => item.AsUInt32()));
        Assert.Equal((ushort)100, record["uint16"].AsUInt16());
        Assert.Equal(268_435_456u, record["uint32"].AsUInt32());
        Assert.Equal(1_152_921_504_606_846_976ul, record["uint64"].AsUInt64());
        Assert.Equal(UInt128.One << 120, record["uint128"].AsUInt128());
        Assert.Equal("unicode! ☯ - ♫", record["utf8_string"].AsString());
        Assert.Equal(12, record.AsMap().Count);
    }

    [Fact]
    public void Decode_ZeroValuesRecord_GivesEmptyAndZeroValues()
    {
        var record = DecoderDatabase.Lookup(IPAddress.Parse("::0.0.0.0")).Record;

        Assert.Empty(record["array"].AsArray());
        Assert.False(record["boolean"].AsBoolean());
        Assert.Equal(0, record["bytes"].AsBytes().Length);
        Assert.Equal(0.0, record["double"].AsDouble());
        Assert.Equal(0f, record["float"].AsFloat());
        Assert.Equal(0, record["int32"].AsInt32());
        Assert.Empty(record["map"].AsMap());
        Assert.Equal((ushort)0, record["uint16"].AsUInt16());
        Assert.Equal(0u, record["uint32"].AsUInt32());
        Assert.Equal(0ul, record["uint64"].AsUInt64());
        Assert.Equal(UInt128.Zero, record["uint128"].AsUInt128());
        Assert.Equal(string.Empty, record["utf8_string"].AsString());
    }

    [Fact]
    public void Decode_MaximumValuesRecord_GivesTypeMaxima()
    {
        var record = DecoderDatabase.Lookup(IPAddress.Parse("::255.255.255.255")).Record;

        Assert.Equal(double.PositiveInfinity, record["double"].AsDouble());
        Assert.Equal(float.PositiveInfinity, record["float"].AsFloat());
        Assert.Equal(int.MaxValue, record["int32"].AsInt32());
        Assert.Equal(ushort.MaxValue, record["uint16"].AsUInt16());
        Assert.Equal(uint.MaxValue, record["uint32"].AsUInt32());
        Assert.Equal(ulong.MaxValue, record["uint64"].AsUInt64());
        Assert.Equal(UInt128.MaxValue, record["uint128"].AsUInt128());
    }

    [Fact]
    public void Decode_NestedDatabase_FollowsMapsAndArrays()
    {
        var record = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-test-nested.mmdb")).Lookup(IPAddress.Parse("1.1.1.1")).Record;

        var map3 = record["map1"]["map2"]["array"][0]["map3"];

        Assert.Equal(1u, map3["a"].AsUInt32());
        Assert.Equal(2u, map3["b"].AsUInt32());
        Assert.Equal(3u, map3["c"].AsUInt32());
    }

    [Fact]
    public void Decode_PointerDecoderDatabase_ResolvesSharedValues()
    {
        var record = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-test-pointer-decoder.mmdb")).Lookup(IPAddress.Parse("1.0.0.0")).Record;

        Assert.Equal([1u, 2u, 3u, 4u], record["arrayX"].AsArray().Select(item => item.AsUInt32()));
        Assert.False(record["booleanX"].AsBoolean());
        Assert.Equal([7u, 8u, 9u], record["map"]["mapX"]["arrayX"].AsArray().Select(item => item.AsUInt32()));
    }

    [Fact]
    public void Decode_PointerOfEachSize_ReachesItsTarget()
    {
        // Targets placed where each pointer encoding is needed: < 2048, < 526336, beyond, and a
        // 32-bit pointer to a low offset.
        int[] targets = [100, 3_000, 600_000, 200];
        var data = new byte[610_000];
        byte[] head = [.. MmdbBytes.Array(4), .. MmdbBytes.Pointer(100, 1), .. MmdbBytes.Pointer(3_000, 2), .. MmdbBytes.Pointer(600_000, 3), .. MmdbBytes.Pointer(200, 4)];
        head.CopyTo(data, 0);
        foreach (var target in targets)
        {
            MmdbBytes.String($"at {target}").CopyTo(data, target);
        }

        var database = MaxMindDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(data));
        var items = database.Lookup(IPAddress.Parse("8.8.8.8")).Record.AsArray();

        Assert.Equal(targets.Select(target => $"at {target}"), items.Select(item => item.AsString()));
        database.Verify();
    }

    [Fact]
    public void Decode_PointerAsMapKey_ResolvesKey()
    {
        byte[] data = [.. MmdbBytes.String("country_code"), .. MmdbBytes.Map(1), .. MmdbBytes.Pointer(0, 1), .. MmdbBytes.String("US")];

        var record = MaxMindDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(data, recordOffset: 13)).Lookup(IPAddress.Parse("1.2.3.4")).Record;

        Assert.Equal("US", record["country_code"].AsString());
    }

    [Fact]
    public void Decode_LongStringsWithEachSizeEncoding_ReadsWholeString()
    {
        var lengths = new[] { 28, 29, 284, 285, 65_820, 65_821, 70_000 };
        var data = new List<byte>(MmdbBytes.Array(lengths.Length));
        foreach (var length in lengths)
        {
            data.AddRange(MmdbBytes.String(new string('x', length)));
        }

        var items = MaxMindDatabase.FromBytes(MmdbBytes.SingleRecordDatabase([.. data])).Lookup(IPAddress.Parse("1.2.3.4")).Record.AsArray();

        Assert.Equal(lengths, items.Select(item => item.AsString().Length));
    }

    public static TheoryData<string, byte[], string> Forbidden => new()
    {
        { "data cache container", [0x00, 0x05], "data cache container" },
        { "end marker", [0x00, 0x06], "end marker" },
        { "extended type 0", [0x00, 0x00], "extended type byte 0" },
        { "extended type 16", [0x00, 0x09], "extended type byte 9" },
        { "pointer to pointer", [.. MmdbBytes.Pointer(2, 1), .. MmdbBytes.Pointer(0, 1)], "another pointer" },
        { "boolean of size 2", [0x02, 0x07], "boolean has size 2" },
        { "double of 7 bytes", [0x67, 1, 2, 3, 4, 5, 6, 7], "Double has size 7" },
        { "float of 3 bytes", [0x03, 0x08, 1, 2, 3], "Float has size 3" },
        { "uint16 of 3 bytes", [0xA3, 1, 2, 3], "UInt16 has size 3" },
        { "uint128 of 17 bytes", [0x11, 0x03, .. new byte[17]], "UInt128 has size 17" },
        { "invalid UTF-8", [0x42, 0xC3, 0x28], "not valid UTF-8" },
        { "map key that is a number", [0xE1, .. MmdbBytes.UInt16(1), .. MmdbBytes.String("v")], "map key is a UInt16" },
        { "string longer than the data", [0x5C, (byte)'a'], "runs past the end" },
        { "array longer than the data", [.. MmdbBytes.Array(1000), 0x41, (byte)'a'], "array claims 1000 items" },
        { "pointer outside the data", [0x27, 0xFF], "pointer to offset 2047" },
        { "pointer to itself inside a map", [0xE1, .. MmdbBytes.String("k"), .. MmdbBytes.Pointer(0, 1)], "nests more than 512" },
        { "truncated control bytes", [0x1F], "control bytes run past the end" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Decode_ForbiddenData_ThrowsInvalidDatabaseWithReason(string what, byte[] data, string reason)
    {
        var database = MaxMindDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(data), what);

        var error = Assert.Throws<InvalidDatabaseException>(() => database.Lookup(IPAddress.Parse("1.2.3.4")));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(what + ": ", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDatabaseException>(database.Verify);
    }

    [Fact]
    public void Decode_PointerFanOut_StopsAtValueBudget()
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

        var database = MaxMindDatabase.FromBytes(MmdbBytes.SingleRecordDatabase([.. data], previous));

        var error = Assert.Throws<InvalidDatabaseException>(() => database.Lookup(IPAddress.Parse("1.2.3.4")));
        Assert.Contains("more than 65536 values", error.Message, StringComparison.Ordinal);
    }
}
