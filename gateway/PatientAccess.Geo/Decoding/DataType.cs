namespace PatientAccess.Geo.Decoding;

/// <summary>The type numbers of the MaxMind DB data section, as written in control bytes.</summary>
internal enum DataType
{
    Extended = 0,
    Pointer = 1,
    Utf8String = 2,
    Double = 3,
    Bytes = 4,
    UInt16 = 5,
    UInt32 = 6,
    Map = 7,
    Int32 = 8,
    UInt64 = 9,
    UInt128 = 10,
    Array = 11,
    DataCacheContainer = 12,
    EndMarker = 13,
    Boolean = 14,
    Float = 15,
}
