using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Identity;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// The proxy rules of <see cref="ProxyAccessOptions"/>, applied by the choose, sharing and approve
/// steps on every GET and POST (never only in what a page shows): whose records the account
/// holder may share, and which sensitive categories they may opt that member in to.
/// </summary>
internal sealed class ProxyAccessPolicy(IOptions<ProxyAccessOptions> options, TimeProvider time)
{
    public const string AdultReason = "proxy.reason.adult";
    public const string UnknownAgeReason = "proxy.reason.unknownAge";
    public const string NotGuardianReason = "proxy.reason.notGuardian";

    public int AdultAge => options.Value.AdultAge;

    /// <summary>
    /// The account holder's own records always; someone else's only when the plan's data makes the
    /// account holder their parent or guardian and their birth date shows them younger than
    /// <see cref="ProxyAccessOptions.AdultAge"/> today.
    /// </summary>
    public ProxyDecision Decide(CoveredMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.IsSelf)
        {
            return ProxyDecision.Allowed;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (EarliestBirthDate(member.BirthDate) is not { } born || born > today)
        {
            return new(false, UnknownAgeReason);
        }

        if (AgeOn(born, today) >= options.Value.AdultAge)
        {
            return new(false, AdultReason);
        }

        return options.Value.EffectiveGuardianRelationships.Contains(member.Relationship, StringComparer.Ordinal)
            ? ProxyDecision.Allowed
            : new(false, NotGuardianReason);
    }

    /// <summary>The sensitive choices the account holder may tick for <paramref name="member"/>: all for themselves, for anyone else only those configured.</summary>
    public IReadOnlyList<SensitiveChoice> ChoicesFor(CoveredMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsSelf
            ? SensitiveChoice.All
            : [.. SensitiveChoice.All.Where(c => c.Codes.All(code => options.Value.ProxyMayShareSensitive.Contains(code, StringComparer.Ordinal)))];
    }

    /// <summary>True when the account holder may share <paramref name="member"/>'s records with every one of these sensitive codes.</summary>
    public bool MayShare(CoveredMember member, IEnumerable<string> sensitiveCodes)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(sensitiveCodes);
        if (!Decide(member).Offered)
        {
            return false;
        }

        var allowed = ChoicesFor(member).SelectMany(c => c.Codes).ToHashSet(StringComparer.Ordinal);
        return sensitiveCodes.All(allowed.Contains);
    }

    /// <summary>
    /// A FHIR date (<c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>) read as the earliest day it
    /// may mean, so a partial date can only make someone older; null when missing or unreadable.
    /// </summary>
    public static DateOnly? EarliestBirthDate(string? fhirDate)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return fhirDate is not null && DateOnly.TryParseExact(fhirDate.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>Whole years from <paramref name="born"/> to <paramref name="today"/> (a 29 February birthday falls on 28 February in other years).</summary>
    public static int AgeOn(DateOnly born, DateOnly today)
    {
        var age = today.Year - born.Year;
        return today < born.AddYears(age) ? age - 1 : age;
    }
}
