using PatientAccess.Geo.Reader;

namespace PatientAccess.Geo.Decoding;

/// <summary>
/// Work allowed for decoding one record. Depth limits alone do not stop a few hundred bytes
/// of shared pointers from expanding to 2^40 values, so the total number of values and of
/// string bytes is capped too (the limits MaxMind recommends for its pointer fan-out tests).
/// </summary>
internal struct DecodeBudget
{
    public const int MaxValues = 1 << 16;
    public const int MaxPayloadBytes = 1 << 21;

    private int _values;
    private long _payloadBytes;

    public void CountValues(int count, int offset)
    {
        _values += count;
        if (_values > MaxValues)
        {
            throw new InvalidDatabaseException(
                $"The record decoded near data offset {offset} expands to more than {MaxValues} values (pointer fan-out or an oversized container).");
        }
    }

    public void CountPayload(int bytes, int offset)
    {
        _payloadBytes += bytes;
        if (_payloadBytes > MaxPayloadBytes)
        {
            throw new InvalidDatabaseException(
                $"The record decoded near data offset {offset} expands to more than {MaxPayloadBytes} bytes of strings.");
        }
    }
}
