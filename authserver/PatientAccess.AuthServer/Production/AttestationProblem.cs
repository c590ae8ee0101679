namespace PatientAccess.AuthServer.Production;

/// <summary>Why one attestation answer does not qualify: the question (1 to 10) and the text key of the reason.</summary>
internal sealed record AttestationProblem(int Question, string ReasonKey)
{
    /// <summary>The form field of the question (<c>q1</c> to <c>q10</c>).</summary>
    public string Field => "q" + Question.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
