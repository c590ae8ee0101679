namespace PatientAccess.Fhir.Search;

/// <summary>
/// A date, dateTime, instant or Period as the range of instants it covers, [<see cref="Low"/>,
/// <see cref="High"/>): <c>2020</c> is all of 2020. An open end is
/// <see cref="DateTimeOffset.MinValue"/> or <see cref="DateTimeOffset.MaxValue"/>.
/// </summary>
public sealed record DateIndexEntry(string Code, DateTimeOffset Low, DateTimeOffset High) : SearchIndexEntry(Code);
