using System.Diagnostics.CodeAnalysis;

namespace PatientAccess.Geo.Decoding;

/// <summary>The data types a decoded MaxMind DB value can have (pointers are resolved while decoding).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the MaxMind DB spec's type names.")]
public enum MmdbValueKind : byte
{
    /// <summary>No value: the default of <see cref="MmdbValue"/>, never produced by the decoder.</summary>
    None = 0,
    String,
    Double,
    Bytes,
    UInt16,
    UInt32,
    Map,
    Int32,
    UInt64,
    UInt128,
    Array,
    Boolean,
    Float,
}
