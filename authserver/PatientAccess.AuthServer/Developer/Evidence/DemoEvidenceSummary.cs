namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>What an app's demo testing shows so far: successful demo token exchanges, how many demo members, and the last one (Unix seconds).</summary>
internal sealed record DemoEvidenceSummary(int Exchanges, int Members, long? LastExchangeAt);
