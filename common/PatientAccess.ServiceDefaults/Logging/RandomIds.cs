using System.Buffers.Binary;

namespace PatientAccess.ServiceDefaults.Logging;

/// <summary>
/// Request and event ids without a system call each. <see cref="Guid.NewGuid"/> (and
/// <see cref="Guid.CreateVersion7()"/>) read 16 bytes from /dev/urandom on every call on Linux,
/// which the gateway did twice per request; these ids come from <see cref="Random.Shared"/>
/// (per-thread generators seeded from the OS), which is plenty for ids that must be unique and
/// are not secrets. Anything secret (codes, tokens, keys) keeps using RandomNumberGenerator.
/// </summary>
public static class RandomIds
{
    /// <summary>A random (version 4) UUID.</summary>
    public static Guid NewVersion4()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return Stamp(bytes, 0x40);
    }

    /// <summary>A time-ordered (version 7) UUID: the Unix time in milliseconds, then random bits.</summary>
    public static Guid NewVersion7(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, now.ToUnixTimeMilliseconds());
        time[2..].CopyTo(bytes);
        return Stamp(bytes, 0x70);
    }

    private static Guid Stamp(Span<byte> bytes, byte version)
    {
        bytes[6] = (byte)((bytes[6] & 0x0F) | version);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
