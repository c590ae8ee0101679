namespace PatientAccess.Gateway.Geo;

/// <summary>The US-only rule's answer: allowed or not, the country it saw, and why.</summary>
public readonly record struct GeoDecision(bool Allowed, string? Country, string Explanation);
