namespace PatientAccess.AuthServer.Clients;

/// <summary>Where an app stands with the plan. Only sandbox and production apps get codes and tokens.</summary>
internal enum ClientStatus
{
    Sandbox,
    Production,

    /// <summary>Blocked for now (security staff or the monitor); may be reinstated.</summary>
    Suspended,

    /// <summary>Blocked for good.</summary>
    Revoked,
}
