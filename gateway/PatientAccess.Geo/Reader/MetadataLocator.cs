using PatientAccess.Geo.Decoding;

namespace PatientAccess.Geo.Reader;

/// <summary>Finds and decodes the metadata section, which the spec puts after the last marker in the final 128 KiB.</summary>
internal static class MetadataLocator
{
    public const int MaxMetadataSize = 128 * 1024;

    // "\xAB\xCD\xEFMaxMind.com"; a constant byte list, so the span points at static data.
    private static ReadOnlySpan<byte> Marker =>
        [0xAB, 0xCD, 0xEF, 0x4D, 0x61, 0x78, 0x4D, 0x69, 0x6E, 0x64, 0x2E, 0x63, 0x6F, 0x6D];

    /// <summary>The metadata, and where its marker starts (the end of the data section).</summary>
    public static (MmdbMetadata Metadata, int MarkerStart) Read(byte[] buffer, int start, int length)
    {
        var searched = Math.Min(length, MaxMetadataSize);
        var window = new ReadOnlySpan<byte>(buffer, start + length - searched, searched);
        var found = window.LastIndexOf(Marker);
        if (found < 0)
        {
            throw new InvalidDatabaseException(
                $"Not a MaxMind DB: the metadata marker was not found in the last {searched} bytes of the {length}-byte file.");
        }

        var markerStart = length - searched + found;
        var metadataStart = markerStart + Marker.Length;
        var metadataLength = length - metadataStart;
        if (metadataLength == 0)
        {
            throw new InvalidDatabaseException("Invalid metadata: the file ends right after the metadata marker.");
        }

        var decoder = new DataDecoder(buffer, start + metadataStart, metadataLength, "metadata");
        return (MmdbMetadata.FromValue(decoder.Decode(0)), markerStart);
    }
}
