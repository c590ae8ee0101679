namespace PatientAccess.FhirStore.Search;

/// <summary>
/// <c>_include=Source:param[:Target]</c> or <c>_revinclude=Source:param[:Target]</c>;
/// <see cref="Iterate"/> applies it once more to what the first round included.
/// </summary>
public sealed record IncludeDirective(bool Reverse, string SourceType, string Code, string? TargetType, bool Iterate);
