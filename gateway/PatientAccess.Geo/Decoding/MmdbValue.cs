using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PatientAccess.Geo.Decoding;

/// <summary>
/// One decoded value of a MaxMind DB record. A struct with the scalar inline and the
/// reference (string, map, array items, or the database buffer for bytes) in one field, so
/// decoding a record allocates only its strings, maps and arrays. Immutable, so decoded
/// records can be cached and shared between threads.
/// </summary>
public readonly struct MmdbValue : IEquatable<MmdbValue>
{
    private readonly object? _reference;
    private readonly UInt128 _bits;

    private MmdbValue(MmdbValueKind kind, object? reference, UInt128 bits)
    {
        Kind = kind;
        _reference = reference;
        _bits = bits;
    }

    public MmdbValueKind Kind { get; }

    public static MmdbValue FromString(string value) => new(MmdbValueKind.String, value, 0);

    public static MmdbValue FromDouble(double value) => new(MmdbValueKind.Double, null, BitConverter.DoubleToUInt64Bits(value));

    public static MmdbValue FromFloat(float value) => new(MmdbValueKind.Float, null, BitConverter.SingleToUInt32Bits(value));

    public static MmdbValue FromUInt16(ushort value) => new(MmdbValueKind.UInt16, null, value);

    public static MmdbValue FromUInt32(uint value) => new(MmdbValueKind.UInt32, null, value);

    public static MmdbValue FromInt32(int value) => new(MmdbValueKind.Int32, null, unchecked((uint)value));

    public static MmdbValue FromUInt64(ulong value) => new(MmdbValueKind.UInt64, null, value);

    public static MmdbValue FromUInt128(UInt128 value) => new(MmdbValueKind.UInt128, null, value);

    public static MmdbValue FromBoolean(bool value) => new(MmdbValueKind.Boolean, null, value ? 1u : 0u);

    public static MmdbValue FromMap(MmdbMap map) => new(MmdbValueKind.Map, map ?? throw new ArgumentNullException(nameof(map)), 0);

    /// <summary>Takes ownership of <paramref name="items"/>: the caller must not change it afterwards.</summary>
    public static MmdbValue FromArray(MmdbValue[] items) => new(MmdbValueKind.Array, items ?? throw new ArgumentNullException(nameof(items)), 0);

    /// <summary>A slice of a buffer the caller will not change, so bytes values need no copy.</summary>
    internal static MmdbValue FromBytes(byte[] buffer, int offset, int length) =>
        new(MmdbValueKind.Bytes, buffer, ((UInt128)(uint)offset << 32) | (uint)length);

    public static MmdbValue FromBytes(ReadOnlySpan<byte> value) => FromBytes(value.ToArray(), 0, value.Length);

    public string AsString() => Kind == MmdbValueKind.String ? (string)_reference! : throw WrongKind(MmdbValueKind.String);

    public double AsDouble() => Kind == MmdbValueKind.Double ? BitConverter.UInt64BitsToDouble((ulong)_bits) : throw WrongKind(MmdbValueKind.Double);

    public float AsFloat() => Kind == MmdbValueKind.Float ? BitConverter.UInt32BitsToSingle((uint)_bits) : throw WrongKind(MmdbValueKind.Float);

    public ushort AsUInt16() => Kind == MmdbValueKind.UInt16 ? (ushort)_bits : throw WrongKind(MmdbValueKind.UInt16);

    public uint AsUInt32() => Kind == MmdbValueKind.UInt32 ? (uint)_bits : throw WrongKind(MmdbValueKind.UInt32);

    public int AsInt32() => Kind == MmdbValueKind.Int32 ? unchecked((int)(uint)_bits) : throw WrongKind(MmdbValueKind.Int32);

    public ulong AsUInt64() => Kind == MmdbValueKind.UInt64 ? (ulong)_bits : throw WrongKind(MmdbValueKind.UInt64);

    public UInt128 AsUInt128() => Kind == MmdbValueKind.UInt128 ? _bits : throw WrongKind(MmdbValueKind.UInt128);

    public bool AsBoolean() => Kind == MmdbValueKind.Boolean ? _bits != 0 : throw WrongKind(MmdbValueKind.Boolean);

    public MmdbMap AsMap() => Kind == MmdbValueKind.Map ? (MmdbMap)_reference! : throw WrongKind(MmdbValueKind.Map);

    public ImmutableArray<MmdbValue> AsArray() =>
        Kind == MmdbValueKind.Array
            ? ImmutableCollectionsMarshal.AsImmutableArray((MmdbValue[])_reference!)
            : throw WrongKind(MmdbValueKind.Array);

    public ReadOnlyMemory<byte> AsBytes() =>
        Kind == MmdbValueKind.Bytes
            ? new ReadOnlyMemory<byte>((byte[])_reference!, (int)(uint)(_bits >> 32), (int)(uint)_bits)
            : throw WrongKind(MmdbValueKind.Bytes);

    /// <summary>Any of the unsigned or signed integer kinds that fits, as metadata writers differ in which they use.</summary>
    public bool TryGetUInt64(out ulong value)
    {
        switch (Kind)
        {
            case MmdbValueKind.UInt16 or MmdbValueKind.UInt32 or MmdbValueKind.UInt64:
            case MmdbValueKind.UInt128 when _bits <= ulong.MaxValue:
                value = (ulong)_bits;
                return true;
            case MmdbValueKind.Int32 when AsInt32() >= 0:
                value = (ulong)AsInt32();
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The map entry for <paramref name="key"/>; throws when this is not a map or has no such key.</summary>
    public MmdbValue this[string key] => AsMap()[key];

    /// <summary>The array item at <paramref name="index"/>; throws when this is not an array or too short.</summary>
    public MmdbValue this[int index] => AsArray()[index];

    /// <summary>The value under <paramref name="key"/> when this is a map that has it.</summary>
    public bool TryGet(string key, out MmdbValue value)
    {
        if (Kind == MmdbValueKind.Map)
        {
            return ((MmdbMap)_reference!).TryGetValue(key, out value);
        }

        value = default;
        return false;
    }

    public bool Equals(MmdbValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            MmdbValueKind.String => string.Equals(AsString(), other.AsString(), StringComparison.Ordinal),
            MmdbValueKind.Bytes => AsBytes().Span.SequenceEqual(other.AsBytes().Span),
            MmdbValueKind.Map => AsMap().Equals(other.AsMap()),
            MmdbValueKind.Array => AsArray().AsSpan().SequenceEqual(other.AsArray().AsSpan()),
            _ => _bits == other._bits,
        };
    }

    public override bool Equals(object? obj) => obj is MmdbValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        MmdbValueKind.String => HashCode.Combine(Kind, AsString()),
        MmdbValueKind.Map => HashCode.Combine(Kind, AsMap().Count),
        MmdbValueKind.Array => HashCode.Combine(Kind, AsArray().Length),
        MmdbValueKind.Bytes => HashCode.Combine(Kind, AsBytes().Length),
        _ => HashCode.Combine(Kind, _bits),
    };

    public static bool operator ==(MmdbValue left, MmdbValue right) => left.Equals(right);

    public static bool operator !=(MmdbValue left, MmdbValue right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        MmdbValueKind.None => "(none)",
        MmdbValueKind.String => AsString(),
        MmdbValueKind.Double => AsDouble().ToString("R", CultureInfo.InvariantCulture),
        MmdbValueKind.Float => AsFloat().ToString("R", CultureInfo.InvariantCulture),
        MmdbValueKind.Bytes => Convert.ToHexString(AsBytes().Span),
        MmdbValueKind.Boolean => AsBoolean() ? "true" : "false",
        MmdbValueKind.Int32 => AsInt32().ToString(CultureInfo.InvariantCulture),
        MmdbValueKind.Map => AsMap().ToString(),
        MmdbValueKind.Array => "[" + string.Join(", ", AsArray()) + "]",
        _ => _bits.ToString(CultureInfo.InvariantCulture),
    };

    private InvalidOperationException WrongKind(MmdbValueKind wanted) =>
        new($"The value is a {Kind}, not a {wanted}.");
}
