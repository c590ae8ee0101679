using System.ComponentModel.DataAnnotations;
using PatientAccess.MemberContext;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// The plan's rules for sharing another member's records (proxy access). Section
/// <c>ProxyAccess</c>. The defaults are the safe reading of the law: an adult's records are
/// shared only by that adult, from their own account; a parent or guardian may share a minor's
/// records; and nobody opts anyone else in to a sensitive category (42 CFR Part 2 substance use,
/// mental health, HIV, sexual and reproductive health, genetic testing; a minor's confidential
/// care included), which only the member can consent to, unless a category is listed in
/// <see cref="ProxyMayShareSensitive"/>.
/// </summary>
internal sealed class ProxyAccessOptions : IValidatableObject
{
    public const string Section = "ProxyAccess";

    /// <summary>
    /// The age from which a member's records are theirs alone to share (18, the age of majority
    /// in most states). Age is computed from the store's birth date against today's date in UTC,
    /// which errs toward adulthood on the evening before a birthday in US time zones; a missing or
    /// unreadable birth date, or one given only as a year or month (read as its earliest day),
    /// never makes anyone younger than they may be.
    /// </summary>
    [Range(1, 30, ErrorMessage = "must be from 1 to 30")]
    public int AdultAge { get; set; } = 18;

    /// <summary>
    /// The subscriber-relationship codes (HL7 <c>subscriber-relationship</c>, the dependent's
    /// relationship to the subscriber on the dependent's Coverage) that make the account holder,
    /// as subscriber, a parent or guardian who may share a minor's records. Default: <c>child</c>.
    /// A spouse or anyone else on the account is never a guardian unless listed here.
    /// </summary>
    public IList<string> GuardianRelationships { get; } = [];

    /// <summary>
    /// Sensitive-category codes (<see cref="SensitiveCategories"/>: ETH, PSY, MH, HIV, SEX, STD,
    /// GDIS, SDV) a parent or guardian may opt a minor in to. Empty by default: none. A category the
    /// member sees as one checkbox (mental health is PSY and MH) is offered only if all its codes are listed.
    /// </summary>
    public IList<string> ProxyMayShareSensitive { get; } = [];

    public static IReadOnlyList<string> DefaultGuardianRelationships { get; } = ["child"];

    public IReadOnlyCollection<string> EffectiveGuardianRelationships =>
        GuardianRelationships.Any(r => !string.IsNullOrWhiteSpace(r)) ? [.. GuardianRelationships.Where(r => !string.IsNullOrWhiteSpace(r))] : DefaultGuardianRelationships;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var code in ProxyMayShareSensitive)
        {
            if (!SensitiveCategories.All.Contains(code))
            {
                yield return new ValidationResult(
                    $"'{code}' is not a sensitive category (one of {string.Join(", ", SensitiveCategories.All.Order(StringComparer.Ordinal))})", [nameof(ProxyMayShareSensitive)]);
            }
        }

        foreach (var relationship in GuardianRelationships)
        {
            if (relationship == Identity.CoveredMember.Self)
            {
                yield return new ValidationResult("'self' is the member's own record, not a guardian relationship", [nameof(GuardianRelationships)]);
            }
        }
    }
}
