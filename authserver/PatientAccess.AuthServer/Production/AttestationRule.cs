namespace PatientAccess.AuthServer.Production;

/// <summary>
/// The qualification rule of the privacy and security attestation (issue 14): every answer Yes,
/// except that (a) a Yes to question 1 (HITRUST or SOC 2 Type II certification) needs the
/// certificate attached, and then questions 2 to 10 may be N/A; (b) question 5 (OWASP Top 10)
/// may be No when question 4 (regular security testing with prompt fixes) is Yes. A No stays
/// disqualifying even for a certified app (except 5 as above): a certification does not make
/// an app keep data in the USA or delete it on revocation. Question 1 itself is Yes or No.
/// </summary>
internal static class AttestationRule
{
    public const int Questions = 10;

    public const string Missing = "attestation.missing";
    public const string NotApplicableForCertification = "attestation.q1NoNa";
    public const string CertificateMissing = "attestation.certificateMissing";
    public const string NoDisqualifies = "attestation.noDisqualifies";
    public const string NotApplicableNeedsCertificate = "attestation.naNeedsCertificate";

    /// <summary>Every answer that does not qualify, question by question (empty: the attestation qualifies).</summary>
    public static IReadOnlyList<AttestationProblem> Judge(IReadOnlyList<AttestationAnswer?> answers, bool certificateAttached)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count != Questions)
        {
            throw new ArgumentException($"the attestation has {Questions} questions", nameof(answers));
        }

        var problems = new List<AttestationProblem>();
        var certified = answers[0] == AttestationAnswer.Yes;
        switch (answers[0])
        {
            case null:
                problems.Add(new(1, Missing));
                break;
            case AttestationAnswer.NotApplicable:
                problems.Add(new(1, NotApplicableForCertification));
                break;
            case AttestationAnswer.Yes when !certificateAttached:
                problems.Add(new(1, CertificateMissing));
                break;
        }

        for (var question = 2; question <= Questions; question++)
        {
            var reason = answers[question - 1] switch
            {
                null => Missing,
                AttestationAnswer.Yes => null,
                AttestationAnswer.NotApplicable => certified ? null : NotApplicableNeedsCertificate,
                AttestationAnswer.No when question == 5 && answers[3] == AttestationAnswer.Yes => null,
                _ => NoDisqualifies,
            };
            if (reason is not null)
            {
                problems.Add(new(question, reason));
            }
        }

        return problems;
    }

    /// <summary><c>yes</c>, <c>no</c>, <c>na</c> (any case); null for anything else, including nothing.</summary>
    public static AttestationAnswer? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "yes" => AttestationAnswer.Yes,
        "no" => AttestationAnswer.No,
        "na" or "n/a" => AttestationAnswer.NotApplicable,
        _ => null,
    };

    public static string Text(AttestationAnswer answer) => answer switch
    {
        AttestationAnswer.Yes => "yes",
        AttestationAnswer.No => "no",
        _ => "na",
    };
}
