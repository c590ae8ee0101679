namespace PatientAccess.Fhir.Search;

/// <summary>
/// A Quantity (or Age, Duration, ...): <see cref="Low"/> and <see cref="High"/> are both its
/// value; a Range gives its low and high, an open end being decimal.MinValue / MaxValue.
/// <see cref="System"/> and <see cref="UnitCode"/> are the coded unit (UCUM), <see cref="Unit"/>
/// the human unit.
/// </summary>
public sealed record QuantityIndexEntry(string Code, decimal Low, decimal High, string? System, string? UnitCode, string? Unit)
    : SearchIndexEntry(Code);
