namespace PatientAccess.AuthServer.Protocol;

/// <summary>Bounds on what one protocol request may carry; anything larger is refused as invalid_request.</summary>
internal static class ProtocolLimits
{
    /// <summary>Longest single parameter value. Long enough for a generous scope list or state.</summary>
    public const int MaxParameterLength = 2048;

    /// <summary>Most parameters in one request; RFC 6749 tells servers to ignore unknown ones, not to take unbounded numbers.</summary>
    public const int MaxParameterCount = 40;

    /// <summary>Largest form body accepted by the token, introspection and revocation endpoints.</summary>
    public const int MaxFormBytes = 32 * 1024;
}
