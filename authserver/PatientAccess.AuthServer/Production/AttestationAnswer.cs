namespace PatientAccess.AuthServer.Production;

/// <summary>An answer to one attestation question.</summary>
internal enum AttestationAnswer
{
    Yes,
    No,
    NotApplicable,
}
