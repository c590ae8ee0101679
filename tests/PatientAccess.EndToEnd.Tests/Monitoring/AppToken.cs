namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>An app's access token from a real launch, and the member's patient id it is for.</summary>
internal sealed record AppToken(string ClientId, string AccessToken, string Patient);
