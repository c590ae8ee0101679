namespace PatientAccess.FhirStore.Search;

/// <summary>
/// <c>_include=Source:param[:Target]</c> or <c>_revinclude=Source:param[:Target]</c>;
/// <see cref="Iterate"/> applies it once more to what the first round included.
/// <see cref="AllowedTypes"/>, when set, are the only types it may add (the caller's scopes; see
/// <see cref="IncludeScoping"/>).
/// </summary>
public sealed record IncludeDirective(bool Reverse, string SourceType, string Code, string? TargetType, bool Iterate)
{
    public IReadOnlyList<string>? AllowedTypes { get; init; }

    /// <summary>The parameter as the caller wrote it, for messages.</summary>
    public override string ToString() =>
        $"{(Reverse ? "_revinclude" : "_include")}{(Iterate ? ":iterate" : string.Empty)}={SourceType}:{Code}{(TargetType is null ? string.Empty : ":" + TargetType)}";
}
