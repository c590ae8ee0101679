namespace PatientAccess.Gateway.Errors;

/// <summary>
/// The reason labels of refusals, shared by the audit event, the refusal metric and logs, so a
/// dashboard and an audit search use the same words.
/// </summary>
public static class RefusalReasons
{
    public const string Geo = "geo";
    public const string Target = "target";
    public const string Method = "method";
    public const string TokenInvalid = "token-invalid";
    public const string TokenRevoked = "token-revoked";
    public const string Scope = "scope";
    public const string Compartment = "compartment";
    public const string RateLimit = "rate-limit";
    public const string Route = "route";
    public const string Upstream = "upstream";
    public const string Origin = "origin";
}
