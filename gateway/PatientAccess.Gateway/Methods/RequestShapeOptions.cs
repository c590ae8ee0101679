using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Methods;

/// <summary>Bounds on what a request may look like. Section <c>RequestShape</c>.</summary>
public sealed class RequestShapeOptions
{
    public const string Section = "RequestShape";

    /// <summary>
    /// Total size of the request headers (names and values). Kestrel's own bound is larger (64 KiB);
    /// a FHIR read needs a few hundred bytes, so anything near the bound is an attack or a bug,
    /// and this answers it with an OperationOutcome and an audit event rather than a bare 431.
    /// </summary>
    [Range(1024, 1024 * 1024, ErrorMessage = "must be from 1024 to 1048576 bytes")]
    public int MaxHeaderBytes { get; set; } = 16 * 1024;
}
