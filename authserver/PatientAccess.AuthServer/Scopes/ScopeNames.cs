using System.Collections.Frozen;

namespace PatientAccess.AuthServer.Scopes;

/// <summary>The scopes that are not about FHIR resources.</summary>
internal static class ScopeNames
{
    public const string OpenId = "openid";
    public const string FhirUser = "fhirUser";
    public const string Profile = "profile";
    public const string OfflineAccess = "offline_access";
    public const string OnlineAccess = "online_access";
    public const string LaunchPatient = "launch/patient";

    public static FrozenSet<string> Plain { get; } =
        new[] { OpenId, FhirUser, Profile, OfflineAccess, OnlineAccess, LaunchPatient }.ToFrozenSet(StringComparer.Ordinal);
}
