using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Access;

/// <summary>The caller's scope, or why it has none.</summary>
public sealed record AccessDecision(AccessScope? Scope, bool IsOperator, string? Refusal)
{
    public static AccessDecision Operator { get; } = new(AccessScope.Everything, true, null);

    public static AccessDecision Member(AccessScope scope) => new(scope, false, null);

    public static AccessDecision Refused(string reason) => new(null, false, reason);
}
