using System.Buffers.Binary;

namespace PatientAccess.AuthServer.Developer.Logos;

/// <summary>
/// Decides what an uploaded logo is from its bytes alone (the file name and the browser's
/// Content-Type are ignored): a PNG or a JPEG raster, whose structure is walked far enough to read
/// its real dimensions (PNG: every chunk's length and CRC, IHDR's fields, IEND last with nothing
/// after it; JPEG: every marker segment up to the first scan, a frame header, EOI at the end).
/// Anything else is refused: SVG and HTML (script in an image URL), GIF, zips, polyglots with
/// bytes after the image's end.
/// </summary>
internal static class LogoImage
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static LogoCheck Inspect(ReadOnlySpan<byte> data, int maxBytes, int minPixels, int maxPixels)
    {
        if (data.IsEmpty)
        {
            return new LogoCheck(LogoProblem.Empty);
        }

        if (data.Length > maxBytes)
        {
            return new LogoCheck(LogoProblem.TooLarge);
        }

        var check = data.StartsWith(PngSignature) ? InspectPng(data)
            : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? InspectJpeg(data)
            : new LogoCheck(LogoProblem.NotAnImage);
        if (!check.IsValid)
        {
            return check;
        }

        return check.Width < minPixels || check.Height < minPixels ? check with { Problem = LogoProblem.TooFewPixels }
            : check.Width > maxPixels || check.Height > maxPixels ? check with { Problem = LogoProblem.TooManyPixels }
            : check;
    }

    private static LogoCheck InspectPng(ReadOnlySpan<byte> data)
    {
        var damaged = new LogoCheck(LogoProblem.Damaged);
        var position = PngSignature.Length;
        int width = 0, height = 0;
        var chunks = 0;
        var sawData = false;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                return damaged;
            }

            var type = data.Slice(position + 4, 4);
            var body = data.Slice(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
            if (!IsChunkType(type) || Crc32.Compute(data.Slice(position + 4, 4 + (int)length)) != crc)
            {
                return damaged;
            }

            position += 12 + (int)length;
            chunks++;
            if (chunks == 1)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13 || !ReadHeader(body, out width, out height))
                {
                    return damaged;
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                sawData = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                // Nothing may follow IEND: no second file hiding behind the image.
                return length == 0 && sawData && position == data.Length ? new LogoCheck(LogoProblem.None, Png, width, height) : damaged;
            }
        }

        return damaged;
    }

    private static bool ReadHeader(ReadOnlySpan<byte> header, out int width, out int height)
    {
        var w = BinaryPrimitives.ReadUInt32BigEndian(header);
        var h = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        width = (int)Math.Min(w, int.MaxValue);
        height = (int)Math.Min(h, int.MaxValue);
        var (depth, color, compression, filter, interlace) = (header[8], header[9], header[10], header[11], header[12]);
        var depthFits = color switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        return w > 0 && h > 0 && depthFits && compression == 0 && filter == 0 && interlace <= 1;
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static LogoCheck InspectJpeg(ReadOnlySpan<byte> data)
    {
        var damaged = new LogoCheck(LogoProblem.Damaged);
        var position = 2;
        int width = 0, height = 0;
        while (position < data.Length)
        {
            if (data[position] != 0xFF)
            {
                return damaged;
            }

            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                return damaged;
            }

            var marker = data[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker is 0xD8 or 0xD9 || position + 2 > data.Length)
            {
                return damaged;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length)
            {
                return damaged;
            }

            var segment = data.Slice(position + 2, length - 2);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (segment.Length < 6 || segment[5] is not (1 or 3 or 4))
                {
                    return damaged;
                }

                height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                if (width == 0 || height == 0)
                {
                    return damaged;
                }
            }
            else if (marker == 0xDA)
            {
                // The first scan: a frame header must have come before it, and the file must end at EOI.
                var ends = data.Length >= position + length + 2 && data[^2] == 0xFF && data[^1] == 0xD9;
                return width > 0 && ends ? new LogoCheck(LogoProblem.None, Jpeg, width, height) : damaged;
            }

            position += length;
        }

        return damaged;
    }
}
