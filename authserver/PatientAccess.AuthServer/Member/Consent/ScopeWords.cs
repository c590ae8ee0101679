using PatientAccess.AuthServer.Member.Localization;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>What a set of granted scopes lets an app see, in the member's words.</summary>
internal static class ScopeWords
{
    private static readonly string[] Named =
    [
        "ExplanationOfBenefit", "Coverage", "Patient", "Condition", "Observation", "MedicationRequest", "AllergyIntolerance",
        "Immunization", "Procedure", "Encounter", "DiagnosticReport", "DocumentReference", "Practitioner", "Organization",
    ];

    public static IReadOnlyList<string> Describe(IEnumerable<string> scopes, MemberText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = scopes.ToList();
        var types = list
            .Where(s => s.StartsWith("patient/", StringComparison.Ordinal) || s.StartsWith("user/", StringComparison.Ordinal))
            .Select(s => s[(s.IndexOf('/', StringComparison.Ordinal) + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var lines = new List<string>();
        if (types.Contains("*"))
        {
            lines.Add(text["scope.all"]);
        }
        else
        {
            lines.AddRange(types.Select(t => Named.Contains(t, StringComparer.Ordinal) ? text["scope.res." + t] : text.Format("scope.res.other", t)));
        }

        if (list.Any(s => s is "openid" or "fhirUser" or "profile"))
        {
            lines.Add(text["scope.identity"]);
        }

        lines.Add(text[list.Contains("offline_access") ? "scope.offline" : "scope.online"]);
        return lines;
    }
}
