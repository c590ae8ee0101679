namespace PatientAccess.Monitor.Api;

/// <summary>The answer of a staff decision that was carried out: <c>{"client_id", "status"}</c> (the app's status at the authserver after it).</summary>
internal sealed record DecisionAnswer(string ClientId, string Status);
