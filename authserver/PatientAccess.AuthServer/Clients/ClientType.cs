namespace PatientAccess.AuthServer.Clients;

/// <summary>RFC 6749 §2.1 client types.</summary>
internal enum ClientType
{
    /// <summary>Cannot keep a secret (native and browser apps): authenticates with PKCE alone.</summary>
    Public,

    /// <summary>Holds a client secret on a server it controls.</summary>
    Confidential,
}
