using System.Buffers.Binary;
using System.Text;
using PatientAccess.Geo.Reader;

namespace PatientAccess.Geo.Decoding;

/// <summary>
/// Decodes values from one section (data section or metadata) of a MaxMind DB held in
/// memory. Offsets are relative to the section start, as pointers are. Every read is
/// checked against the section end, so a corrupt file throws
/// <see cref="InvalidDatabaseException"/> instead of reading another section or past the buffer.
/// </summary>
internal sealed class DataDecoder
{
    /// <summary>libmaxminddb's limit; real databases nest five or six levels at most.</summary>
    public const int MaxDepth = 512;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _buffer;
    private readonly int _start;
    private readonly int _length;
    private readonly string _section;

    public DataDecoder(byte[] buffer, int start, int length, string section)
    {
        if (start < 0 || length < 0 || (long)start + length > buffer.Length)
        {
            throw new InvalidDatabaseException($"The {section} (offset {start}, {length} bytes) lies outside the {buffer.Length}-byte file.");
        }

        _buffer = buffer;
        _start = start;
        _length = length;
        _section = section;
    }

    public int Length => _length;

    /// <summary>Decodes the whole value at <paramref name="offset"/>, with a fresh budget.</summary>
    public MmdbValue Decode(int offset)
    {
        var budget = default(DecodeBudget);
        return Decode(offset, 0, ref budget, out _);
    }

    private MmdbValue Decode(int offset, int depth, ref DecodeBudget budget, out int next)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(offset, $"data nests more than {MaxDepth} levels deep (a cyclic or absurdly deep structure)");
        }

        budget.CountValues(1, offset);
        var type = ReadHeader(offset, out var size, out var payload);
        if (type == DataType.Pointer)
        {
            next = payload;
            if (ReadHeader(size, out _, out _) == DataType.Pointer)
            {
                throw Invalid(offset, $"pointer to offset {size} leads to another pointer, which the format forbids");
            }

            return Decode(size, depth + 1, ref budget, out _);
        }

        next = payload;
        switch (type)
        {
            case DataType.Map:
                return DecodeMap(offset, payload, size, depth, ref budget, out next);
            case DataType.Array:
                return DecodeArray(offset, payload, size, depth, ref budget, out next);
            case DataType.Boolean:
                return size <= 1 ? MmdbValue.FromBoolean(size == 1) : throw Invalid(offset, $"boolean has size {size}; only 0 and 1 are valid");
            case DataType.DataCacheContainer:
                throw Invalid(offset, "a data cache container, which must never appear in a record");
            case DataType.EndMarker:
                throw Invalid(offset, "an end marker, which must never appear in a record");
            default:
                break;
        }

        Need(offset, payload, size, type);
        next = payload + size;
        var bytes = new ReadOnlySpan<byte>(_buffer, _start + payload, size);
        return type switch
        {
            DataType.Utf8String => MmdbValue.FromString(DecodeString(offset, bytes, ref budget)),
            DataType.Double => size == 8 ? MmdbValue.FromDouble(BinaryPrimitives.ReadDoubleBigEndian(bytes)) : throw BadSize(offset, type, size, "exactly 8"),
            DataType.Float => size == 4 ? MmdbValue.FromFloat(BinaryPrimitives.ReadSingleBigEndian(bytes)) : throw BadSize(offset, type, size, "exactly 4"),
            DataType.Bytes => MmdbValue.FromBytes(_buffer, _start + payload, size),
            DataType.UInt16 => size <= 2 ? MmdbValue.FromUInt16((ushort)ReadUnsigned(bytes)) : throw BadSize(offset, type, size, "at most 2"),
            DataType.UInt32 => size <= 4 ? MmdbValue.FromUInt32((uint)ReadUnsigned(bytes)) : throw BadSize(offset, type, size, "at most 4"),
            DataType.Int32 => size <= 4 ? MmdbValue.FromInt32(unchecked((int)(uint)ReadUnsigned(bytes))) : throw BadSize(offset, type, size, "at most 4"),
            DataType.UInt64 => size <= 8 ? MmdbValue.FromUInt64((ulong)ReadUnsigned(bytes)) : throw BadSize(offset, type, size, "at most 8"),
            DataType.UInt128 => size <= 16 ? MmdbValue.FromUInt128(ReadUnsigned(bytes)) : throw BadSize(offset, type, size, "at most 16"),
            _ => throw Invalid(offset, $"unknown data type {(int)type}"),
        };
    }

    private MmdbValue DecodeMap(int offset, int payload, int count, int depth, ref DecodeBudget budget, out int next)
    {
        // Every entry takes at least two bytes, so a count the section cannot hold is refused
        // before anything is allocated for it.
        if (count > (_length - payload) / 2)
        {
            throw Invalid(offset, $"map claims {count} entries but only {_length - payload} bytes of the {_section} remain");
        }

        budget.CountValues(count, offset);
        var keys = count == 0 ? [] : new string[count];
        var values = count == 0 ? [] : new MmdbValue[count];
        next = payload;
        for (var i = 0; i < count; i++)
        {
            keys[i] = DecodeKey(next, ref budget, out next);
            values[i] = Decode(next, depth + 1, ref budget, out next);
        }

        return MmdbValue.FromMap(count == 0 ? MmdbMap.Empty : new MmdbMap(keys, values));
    }

    private MmdbValue DecodeArray(int offset, int payload, int count, int depth, ref DecodeBudget budget, out int next)
    {
        if (count > _length - payload)
        {
            throw Invalid(offset, $"array claims {count} items but only {_length - payload} bytes of the {_section} remain");
        }

        budget.CountValues(count, offset);
        var items = count == 0 ? [] : new MmdbValue[count];
        next = payload;
        for (var i = 0; i < count; i++)
        {
            items[i] = Decode(next, depth + 1, ref budget, out next);
        }

        return MmdbValue.FromArray(items);
    }

    /// <summary>Map keys are strings, stored inline or behind one pointer.</summary>
    private string DecodeKey(int offset, ref DecodeBudget budget, out int next)
    {
        var type = ReadHeader(offset, out var size, out var payload);
        next = payload;
        var keyOffset = offset;
        if (type == DataType.Pointer)
        {
            keyOffset = size;
            type = ReadHeader(size, out size, out payload);
        }

        if (type != DataType.Utf8String)
        {
            throw Invalid(keyOffset, $"map key is a {type}, not a UTF-8 string");
        }

        Need(keyOffset, payload, size, type);
        if (keyOffset == offset)
        {
            next = payload + size;
        }

        return DecodeString(keyOffset, new ReadOnlySpan<byte>(_buffer, _start + payload, size), ref budget);
    }

    /// <summary>
    /// Reads a control byte (and extended type and size bytes). For a pointer, size is the
    /// target offset, already checked to lie inside the section.
    /// </summary>
    private DataType ReadHeader(int offset, out int size, out int payload)
    {
        if ((uint)offset >= (uint)_length)
        {
            throw Invalid(offset, $"offset is outside the {_section} of {_length} bytes");
        }

        var position = offset;
        var control = _buffer[_start + position++];
        var type = (DataType)(control >> 5);
        if (type == DataType.Pointer)
        {
            size = ReadPointer(offset, control, ref position);
            payload = position;
            return type;
        }

        if (type == DataType.Extended)
        {
            var extended = ReadBytes(offset, ref position, 1)[0];
            if (extended is 0 or > 8)
            {
                throw Invalid(offset, $"extended type byte {extended} names no valid type (7 + {extended})");
            }

            type = (DataType)(7 + extended);
        }

        size = control & 0x1F;
        if (size >= 29)
        {
            var extra = ReadBytes(offset, ref position, size - 28);
            size = size switch
            {
                29 => 29 + extra[0],
                30 => 285 + ((extra[0] << 8) | extra[1]),
                _ => 65821 + ((extra[0] << 16) | (extra[1] << 8) | extra[2]),
            };
        }

        payload = position;
        return type;
    }

    private int ReadPointer(int offset, byte control, ref int position)
    {
        var sizeBits = (control >> 3) & 0x3;
        var high = control & 0x7;
        var bytes = ReadBytes(offset, ref position, sizeBits + 1);
        long target = sizeBits switch
        {
            0 => (high << 8) | bytes[0],
            1 => ((high << 16) | (bytes[0] << 8) | bytes[1]) + 2048L,
            2 => ((high << 24) | (bytes[0] << 16) | (bytes[1] << 8) | bytes[2]) + 526336L,
            _ => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        };
        if (target >= _length)
        {
            throw Invalid(offset, $"pointer to offset {target} lies outside the {_section} of {_length} bytes");
        }

        return (int)target;
    }

    private ReadOnlySpan<byte> ReadBytes(int offset, ref int position, int count)
    {
        if (count > _length - position)
        {
            throw Invalid(offset, $"control bytes run past the end of the {_section}");
        }

        var span = new ReadOnlySpan<byte>(_buffer, _start + position, count);
        position += count;
        return span;
    }

    private void Need(int offset, int payload, int size, DataType type)
    {
        if (size > _length - payload)
        {
            throw Invalid(offset, $"{type} of {size} bytes runs past the end of the {_section} ({_length - payload} bytes remain)");
        }
    }

    private string DecodeString(int offset, ReadOnlySpan<byte> bytes, ref DecodeBudget budget)
    {
        budget.CountPayload(bytes.Length, offset);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDatabaseException($"Invalid {_section} at offset {offset}: string is not valid UTF-8.", e);
        }
    }

    private static UInt128 ReadUnsigned(ReadOnlySpan<byte> bytes)
    {
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private InvalidDatabaseException BadSize(int offset, DataType type, int size, string allowed) =>
        Invalid(offset, $"{type} has size {size}; it must be {allowed} bytes");

    private InvalidDatabaseException Invalid(long offset, string what) =>
        new($"Invalid {_section} at offset {offset}: {what}.");
}
