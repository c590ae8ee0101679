using System.Globalization;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>The identity form's fields, as typed, and their checks before anything is looked up.</summary>
internal sealed record IdentityForm(string FirstName, string LastName, string BirthDate, string MemberId, string PostalCode)
{
    public const int MaxNameLength = 100;

    private static readonly string[] BirthDateFormats = ["yyyy-MM-dd", "M/d/yyyy"];

    public static IdentityForm Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public static IdentityForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form["first_name"].ToString().Trim(), form["last_name"].ToString().Trim(), form["birth_date"].ToString().Trim(),
            form["member_id"].ToString().Replace(" ", string.Empty, StringComparison.Ordinal).Trim(), form["zip"].ToString().Trim());
    }

    /// <summary>The claim when every field has the right shape; otherwise the problems, in page order.</summary>
    public (IdentityClaim? Claim, IReadOnlyList<FieldError> Errors) Validate(MemberText text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<FieldError>();
        if (!IsName(FirstName))
        {
            errors.Add(new("first_name", text["identity.firstName.error"]));
        }

        if (!IsName(LastName))
        {
            errors.Add(new("last_name", text["identity.lastName.error"]));
        }

        // A date field posts yyyy-MM-dd whatever the browser shows; a browser without one posts what
        // was typed, which the hint words as the US month/day/year.
        var dateOk = DateOnly.TryParseExact(BirthDate, BirthDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth <= today && birth.Year >= 1900;
        if (!dateOk)
        {
            errors.Add(new("birth_date", text["identity.birthDate.error"]));
        }

        if (MemberId.Length is < 4 or > 32 || !MemberId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add(new("member_id", text["identity.memberId.error"]));
        }

        var zipOk = (PostalCode.Length == 5 && PostalCode.All(char.IsAsciiDigit))
            || (PostalCode.Length == 10 && PostalCode[5] == '-' && PostalCode.Remove(5, 1).All(char.IsAsciiDigit));
        if (!zipOk)
        {
            errors.Add(new("zip", text["identity.zip.error"]));
        }

        return errors.Count > 0 ? (null, errors) : (new IdentityClaim(FirstName, LastName, birth, MemberId, PostalCode), errors);
    }

    private static bool IsName(string value) =>
        value.Length is > 0 and <= MaxNameLength && !value.Any(char.IsControl) && value.Any(char.IsLetter);
}
