namespace PatientAccess.LoadTests.Smart;

/// <summary>Which of the two demo apps the authserver seeds acts as the app.</summary>
internal enum ClientKind
{
    /// <summary>Authenticates at the token endpoint with client_secret_basic.</summary>
    Confidential,

    /// <summary>Sends only its client_id; it cannot introspect.</summary>
    Public,
}
