namespace PatientAccess.Gateway.Pipeline;

/// <summary>The kinds of request the gateway tells apart; they decide method, scope and audit rules.</summary>
public enum FhirInteraction
{
    Other,
    Metadata,
    SmartConfiguration,
    Read,
    VRead,
    History,
    Search,
    Operation,
}
