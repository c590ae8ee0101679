namespace PatientAccess.Monitor.Search;

/// <summary>
/// One <c>date</c> value as a half-open range of milliseconds the recorded instant must fall in,
/// from the prefix and the range the written precision covers (FHIR R4 §3.1.1.4.3).
/// </summary>
internal sealed record DateCondition(long? FromMs, long? BeforeMs);
