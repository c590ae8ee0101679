namespace PatientAccess.AuthServer.Production;

/// <summary>
/// The ten-question privacy and security attestation as answered with a request, with its date:
/// the renewal date (two years on) counts from <see cref="AnsweredAt"/>.
/// </summary>
internal sealed class AttestationRecord
{
    public required string RequestId { get; set; }

    public required string ClientId { get; set; }

    /// <summary>Ten answers, question 1 first: <c>yes</c>, <c>no</c> or <c>na</c>.</summary>
    public List<string> Answers { get; set; } = [];

    /// <summary>A HITRUST or SOC 2 Type II certificate is attached (question 1 answered yes).</summary>
    public bool HasCertificate { get; set; }

    public long AnsweredAt { get; set; }
}
