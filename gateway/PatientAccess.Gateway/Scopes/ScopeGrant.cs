namespace PatientAccess.Gateway.Scopes;

/// <summary>One parsed SMART resource scope: context (patient or user), resource type or <c>*</c>, and whether it permits read and search.</summary>
public readonly record struct ScopeGrant(string Context, string ResourceType, bool Read, bool Search);
