namespace PatientAccess.AuthServer.Production;

/// <summary>Where a production access request stands.</summary>
internal enum ProductionRequestStatus
{
    Pending,
    Approved,
    Denied,
}
