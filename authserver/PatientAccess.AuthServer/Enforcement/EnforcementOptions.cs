using System.ComponentModel.DataAnnotations;
using PatientAccess.AuthServer.Member.Codes;

namespace PatientAccess.AuthServer.Enforcement;

/// <summary>Section <c>Enforcement</c>: who hears of an app suspended or revoked besides its members.</summary>
internal sealed class EnforcementOptions : IValidatableObject
{
    public const string Section = "Enforcement";

    /// <summary>
    /// The plan's security contacts: each gets one e-mail per suspension or revocation, with the
    /// evidence summary. Default empty: the <c>contact_emails</c> step is then <c>skipped</c> (no
    /// address is guessed); <c>./run.sh</c> sets <c>security@plan.example</c>.
    /// </summary>
    public IList<string> PlanContacts { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PlanContacts.FirstOrDefault(c => !CodeSender.IsEmail(c)) is { } bad)
        {
            yield return new ValidationResult($"'{bad}' is not an e-mail address", [nameof(PlanContacts)]);
        }
    }
}
