namespace PatientAccess.Data;

/// <summary>The SQLite file name a service uses when no connection string is configured.</summary>
public sealed record DatabaseFileName(string Value);
