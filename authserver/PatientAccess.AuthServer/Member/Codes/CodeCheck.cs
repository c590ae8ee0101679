namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>What checking a typed code found.</summary>
internal enum CodeCheck
{
    Accepted,
    Wrong,

    /// <summary>Expired, used up its tries, or never sent: only a new code helps.</summary>
    Dead,
}
