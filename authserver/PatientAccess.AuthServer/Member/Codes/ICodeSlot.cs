namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>Where a session keeps its one pending e-mailed code (member and developer sessions alike).</summary>
internal interface ICodeSlot
{
    /// <summary>Hash of the session handle and the code; null when no code is pending.</summary>
    string? CodeHash { get; set; }

    /// <summary>Unix seconds.</summary>
    long CodeExpiresAt { get; set; }

    int CodeAttempts { get; set; }
}
