namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>What an issued code's e-mail carries.</summary>
internal enum CodeDelivery
{
    /// <summary>The code: registration of a new address, or sign-in of an address with an account.</summary>
    Code,

    /// <summary>
    /// No code, but a notice to the address that someone tried to register it again: the owner
    /// learns of it, and the registrant's page and timing are those of a sent code.
    /// </summary>
    AlreadyRegistered,

    /// <summary>Nothing (sign-in for an address with no account): the answer only looks the same.</summary>
    Nothing,
}
