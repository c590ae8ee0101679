using System.Text.Json.Nodes;

namespace PatientAccess.Gateway.Discovery;

/// <summary>
/// The SMART App Launch 2.2 §2 document apps read from the FHIR base, built from the issuer the
/// gateway already trusts so the endpoints it advertises are the ones whose tokens it accepts.
/// </summary>
internal static class SmartConfiguration
{
    public static readonly string[] Capabilities =
    [
        "launch-standalone", "client-public", "client-confidential-symmetric", "context-standalone-patient",
        "permission-patient", "permission-user", "permission-offline", "permission-online", "permission-v1", "permission-v2",
        "sso-openid-connect", "authorize-post",
    ];

    public static readonly string[] Scopes =
    [
        "openid", "fhirUser", "profile", "launch/patient", "offline_access", "online_access",
        "patient/*.read", "patient/*.rs", "user/*.read", "user/*.rs",
    ];

    public static JsonObject Build(string issuer) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = issuer + "/.well-known/jwks.json",
        ["authorization_endpoint"] = issuer + "/oauth2/authorize",
        ["token_endpoint"] = issuer + "/oauth2/token",
        ["introspection_endpoint"] = issuer + "/oauth2/introspect",
        ["revocation_endpoint"] = issuer + "/oauth2/revoke",
        ["userinfo_endpoint"] = issuer + "/oauth2/userinfo",
        ["management_endpoint"] = issuer + "/member/apps",
        ["token_endpoint_auth_methods_supported"] = Array("client_secret_basic", "client_secret_post", "none"),
        ["grant_types_supported"] = Array("authorization_code", "refresh_token"),
        ["response_types_supported"] = Array("code"),
        ["scopes_supported"] = Array(Scopes),
        ["code_challenge_methods_supported"] = Array("S256"),
        ["capabilities"] = Array(Capabilities),
    };

    internal static JsonArray Array(params string[] values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
