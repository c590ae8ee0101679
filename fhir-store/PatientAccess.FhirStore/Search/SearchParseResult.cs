namespace PatientAccess.FhirStore.Search;

/// <summary>
/// A parsed search, or the errors that make it unanswerable. <see cref="Ignored"/> lists
/// parameters left out under lenient handling, reported back in an OperationOutcome.
/// </summary>
public sealed record SearchParseResult(SearchQuery? Query, IReadOnlyList<string> Errors, IReadOnlyList<string> Ignored);
