using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Production;

/// <summary>Production access requests. Section <c>Production</c>.</summary>
internal sealed class ProductionOptions
{
    public const string Section = "Production";

    /// <summary>Largest logo accepted (bytes). Default 262144 (256 KiB): a square app icon needs no more.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxLogoBytes { get; set; } = 256 * 1024;

    /// <summary>Smallest logo side (pixels) accepted, so gallery cards are not blurred. Default 64.</summary>
    [Range(16, 4096)]
    public int MinLogoPixels { get; set; } = 64;

    /// <summary>Largest HITRUST or SOC 2 certificate accepted (bytes; PDF, PNG or JPEG). Default 2097152 (2 MiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxCertificateBytes { get; set; } = 2 * 1024 * 1024;
}
