using System.Buffers.Binary;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// What an uploaded file really is, from its bytes (never its name or the browser's content
/// type): a PNG or JPEG image and its size in pixels, or a PDF. Anything else is refused.
/// </summary>
internal static class FileContent
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Pdf = "application/pdf";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image type and size, or null when the bytes are not a PNG or JPEG we can read.</summary>
    public static (string ContentType, int Width, int Height)? Image(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(PngSignature) && bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            var width = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(16, 4));
            var height = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(20, 4));
            return width > 0 && height > 0 ? (Png, width, height) : null;
        }

        return bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? JpegSize(bytes) : null;
    }

    /// <summary>The content type of a certificate (PDF, PNG or JPEG), or null.</summary>
    public static string? Document(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 5 && bytes[..5].SequenceEqual("%PDF-"u8) ? Pdf : Image(bytes)?.ContentType;

    /// <summary>Walks the JPEG segments to the first start-of-frame marker, which holds the size.</summary>
    private static (string, int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var offset = 2;
        while (offset + 9 < bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                return null;
            }

            var marker = bytes[offset + 1];
            if (marker == 0xFF)
            {
                offset++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset + 2, 2));
            var startOfFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (startOfFrame)
            {
                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset + 5, 2));
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset + 7, 2));
                return width > 0 && height > 0 ? (Jpeg, width, height) : null;
            }

            if (length < 2)
            {
                return null;
            }

            offset += 2 + length;
        }

        return null;
    }
}
