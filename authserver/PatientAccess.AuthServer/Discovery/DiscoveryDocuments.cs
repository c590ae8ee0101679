using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Keys;

namespace PatientAccess.AuthServer.Discovery;

/// <summary>The metadata documents: OpenID Connect Discovery 1.0 §3 / RFC 8414 §2, and SMART App Launch 2.2 §2.</summary>
internal static class DiscoveryDocuments
{
    public static readonly string[] ScopesSupported =
    [
        "openid", "fhirUser", "profile", "launch/patient", "offline_access", "online_access",
        "patient/*.read", "patient/*.rs", "user/*.read", "user/*.rs",
        "patient/ExplanationOfBenefit.read", "patient/ExplanationOfBenefit.rs", "patient/Coverage.read", "patient/Coverage.rs",
        "patient/Patient.read", "patient/Patient.rs",
    ];

    public static readonly string[] Capabilities =
    [
        "launch-standalone", "client-public", "client-confidential-symmetric", "context-standalone-patient",
        "permission-patient", "permission-user", "permission-offline", "permission-online", "permission-v1", "permission-v2",
        "sso-openid-connect", "authorize-post",
    ];

    public static JsonObject OpenIdConfiguration(AuthServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var issuer = server.IssuerBase;
        var document = Common(server);
        document["userinfo_endpoint"] = issuer + "/oauth2/userinfo";
        document["response_modes_supported"] = Array("query");
        document["subject_types_supported"] = Array("public");
        document["id_token_signing_alg_values_supported"] = Array("RS256");
        document["claims_supported"] = Array("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp", "fhirUser");
        document["claims_parameter_supported"] = false;
        document["request_parameter_supported"] = false;
        document["request_uri_parameter_supported"] = false;
        document["authorization_response_iss_parameter_supported"] = true;
        document["introspection_endpoint_auth_methods_supported"] = Array("client_secret_basic", "client_secret_post");
        document["revocation_endpoint_auth_methods_supported"] = Array("client_secret_basic", "client_secret_post", "none");
        return document;
    }

    public static JsonObject SmartConfiguration(AuthServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var document = Common(server);
        document["management_endpoint"] = server.IssuerBase + server.ManagementPath;
        document["userinfo_endpoint"] = server.IssuerBase + "/oauth2/userinfo";
        document["capabilities"] = Array(Capabilities);
        return document;
    }

    private static JsonObject Common(AuthServerOptions server)
    {
        var issuer = server.IssuerBase;
        return new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = issuer + JwksApi.Path,
            ["authorization_endpoint"] = issuer + "/oauth2/authorize",
            ["token_endpoint"] = issuer + "/oauth2/token",
            ["introspection_endpoint"] = issuer + "/oauth2/introspect",
            ["revocation_endpoint"] = issuer + "/oauth2/revoke",
            ["token_endpoint_auth_methods_supported"] = Array("client_secret_basic", "client_secret_post", "none"),
            ["grant_types_supported"] = Array("authorization_code", "refresh_token"),
            ["response_types_supported"] = Array("code"),
            ["scopes_supported"] = Array(ScopesSupported),
            ["code_challenge_methods_supported"] = Array("S256"),
        };
    }

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
